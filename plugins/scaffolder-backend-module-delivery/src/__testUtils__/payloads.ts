/** Injection payloads fed into every input field and every writer. */
export const PAYLOADS: readonly string[] = [
  '$(id)',
  '$$(id>/tmp/pwned)',
  '`id`',
  '${{ secrets.token }}',
  '${env.X}',
  '{{ .Values.secret }}',
  'a\nb: injected',
  'a\rb',
  "it's 'single'",
  'say "double"',
  '\'\'\'triple\'\'\' """triple"""',
  'a # comment',
  'a | b',
  'a; rm -rf /',
  'a && b',
  '--- \n...',
  '---',
  '&anchor *alias',
  '!!binary aGk=',
  'key: value',
  '- list',
  'a\u2028b',
  'a\u2029b',
  'a\u0085b',
  '\\u0027; evil() //',
  '\\',
  '[x](javascript:alert(1)) <script>x</script> ![t](http://t/x.png)',
  'émoji ✓ 🚀',
];

/** The payloads that are one line of printable text (a description may hold them). */
export const SINGLE_LINE_PAYLOADS = PAYLOADS.filter(
  p => !/[\r\n\u0085\u2028\u2029]/.test(p),
);
