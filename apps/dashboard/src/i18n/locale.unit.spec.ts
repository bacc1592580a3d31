import { isLocale, preferredLocale } from './locale';

describe('the language of the dashboard', () => {
  it("follows the browser's first language it speaks", () => {
    expect(preferredLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(preferredLocale(['zh-TW'])).toBe('zh-CN');
    expect(preferredLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(preferredLocale(['de', 'ZH'])).toBe('zh-CN');
  });

  it('is English when the browser names none it speaks', () => {
    expect(preferredLocale([])).toBe('en');
    expect(preferredLocale(['fr', 'ja'])).toBe('en');
  });

  it('knows its locales', () => {
    expect(['en', 'zh-CN', 'zh', 'fr', null].map(isLocale)).toEqual([true, true, false, false, false]);
  });
});
