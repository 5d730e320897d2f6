// The few lines of page code every size entry shares, so only the auth library differs.

/** @returns {{ username: string, password: string }} */
export function readCredentials() {
  const field = (/** @type {string} */ name) =>
    /** @type {HTMLInputElement | null} */ (document.querySelector(`[name=${name}]`))?.value ?? '';
  return { username: field('username'), password: field('password') };
}

/**
 * @param {unknown} tokenLength
 * @param {string} body
 */
export function showResult(tokenLength, body) {
  const output = document.querySelector('output');
  if (output) output.textContent = `${tokenLength} ${body}`;
}
