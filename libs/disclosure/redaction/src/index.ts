export { NAME_MASK, REDACTED, redact, type RedactionPerson, type RedactionSubjects } from './redact';
export { normalizeForMatching } from './normalize';
