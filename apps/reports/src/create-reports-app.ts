import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReportsModule, type ReportsDependencies } from './reports.module';

export async function createReportsApp(deps: ReportsDependencies): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(ReportsModule.register(deps), new FastifyAdapter(), { logger: ['error', 'warn'] });
}
