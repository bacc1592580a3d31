import type { Locale } from './locale';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';

export const CATALOGS: Record<Locale, Record<string, string>> = { en, 'zh-CN': zhCN };
