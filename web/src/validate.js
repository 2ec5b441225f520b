// The filters as the user typed them -> the codes the API takes, or messages in words.
// Names are looked up in the vocabulary (GET /vocabulary): "Syria" -> SYR, "Fight" -> 19; actor names are
// searched on the server (actors.js).

export function createValidator(vocabulary) {
  const countryByName = new Map(vocabulary.countries.map((c) => [c.name.toLowerCase(), c.code]));
  const countryCodes = new Set(vocabulary.countries.map((c) => c.code));
  const cameoByName = new Map(vocabulary.cameo.map((c) => [c.name.toLowerCase(), c.code]));
  const cameoCodes = new Set(vocabulary.cameo.map((c) => c.code));

  // Returns { values, errors }: values ready for the API, errors as sentences.
  return function validate(raw) {
    const values = { ...raw };
    const errors = [];
    if (values.country) {
      const typed = values.country.trim();
      const code = countryByName.get(typed.toLowerCase()) || (countryCodes.has(typed.toUpperCase()) ? typed.toUpperCase() : null);
      if (code) values.country = code;
      else errors.push(`country: no country is called “${typed}”; type a name such as Syria or a code such as SYR`);
    }
    if (values.cameo) {
      const typed = values.cameo.trim();
      const code = cameoByName.get(typed.toLowerCase()) || (cameoCodes.has(typed) ? typed : null);
      if (code) values.cameo = code;
      else errors.push(`event type: “${typed}” is not a CAMEO event type; pick one from the list (e.g. 19 Fight)`);
    }
    if (values.min_confidence) {
      const n = Number(values.min_confidence);
      if (!(n >= 0 && n <= 1)) errors.push('min. confidence: give a number from 0 to 1, such as 0.5');
    }
    if (values.since && values.until && values.since > values.until) {
      errors.push(`dates: “until” (${values.until}) is before “since” (${values.since})`);
    }
    return { values, errors };
  };
}

// The API's own validation message, made readable when it quotes a pattern.
export function inWords(message) {
  return message.replace(/String should match pattern '[^']*'/g, 'is not in the expected form');
}
