// Every type, field, argument, input field and enum value the reports API serves says what it is, so that a
// client can read the schema (introspection) instead of guessing.
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isIntrospectionType, isObjectType, isSpecifiedScalarType, type GraphQLNamedType } from 'graphql';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

let reports: ReportsAppOnDisk;

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-schema-descriptions');
});

afterAll(async () => {
  await reports?.close();
});

/** `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE` for each element of the type without a description. */
function undescribed(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const argument of field.args) if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
    }
  }
  if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
  if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  return missing;
}

describe('the reports schema', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const schema = reports.app.get(GraphQLSchemaHost).schema;
    const types = Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
    const rootTypes = new Set([schema.getQueryType(), schema.getMutationType()].map((type) => type?.name));

    expect(types.flatMap(undescribed).filter((name) => !rootTypes.has(name))).toEqual([]);
  });
});
