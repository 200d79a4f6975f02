import { documentNumber, documentNumberConfigFromEnv, governmentPrefix, letterPrefix } from './document-numbers';

describe('document numbers (发文字号): prefixes from configuration', () => {
  it('defaults: <unit name>函 and 市政府文; a draft leaves the sequence blank', () => {
    const c = documentNumberConfigFromEnv({});
    expect(letterPrefix(c, 'rsj', '市人社局')).toBe('市人社局函');
    expect(documentNumber(letterPrefix(c, 'rsj', '市人社局'), 2026, 12)).toBe('市人社局函〔2026〕12号');
    expect(documentNumber(governmentPrefix(c), 2026)).toBe('市政府文〔2026〕　　号');
    expect(c.governmentName).toBe('市人民政府');
  });

  it('DOCUMENT_NUMBER_PREFIXES names each unit’s code and the government’s; GOVERNMENT_NAME the organ', () => {
    const c = documentNumberConfigFromEnv({ DOCUMENT_NUMBER_PREFIXES: '{"rsj":"郑人社函","government":"郑政文"}', GOVERNMENT_NAME: '郑州市人民政府' });
    expect(letterPrefix(c, 'rsj', '市人社局')).toBe('郑人社函');
    expect(letterPrefix(c, 'jyj', '市教育局')).toBe('市教育局函');
    expect(governmentPrefix(c)).toBe('郑政文');
    expect(c.governmentName).toBe('郑州市人民政府');
  });

  it('a malformed value stops the start with a clear message', () => {
    expect(() => documentNumberConfigFromEnv({ DOCUMENT_NUMBER_PREFIXES: '{rsj' })).toThrow(/JSON object/);
    expect(() => documentNumberConfigFromEnv({ DOCUMENT_NUMBER_PREFIXES: '{"rsj":""}' })).toThrow(/non-empty/);
    expect(() => documentNumberConfigFromEnv({ DOCUMENT_NUMBER_PREFIXES: '["x"]' })).toThrow(/non-empty/);
  });
});
