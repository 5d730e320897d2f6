// CloudFront Function (cloudfront-js-2.0), viewer request, on the app's default behaviour only.
// The demo routes with real URLs (/sign-in, /account…): a path without a file extension is a page,
// served by the app's shell, index.html. The bucket answers the rest; a missing asset stays a 403.
// Not an error-response rewrite: that would also turn the API's 403s into the shell.
function handler(event) {
  var request = event.request;
  if (!/\.[A-Za-z0-9]+$/.test(request.uri)) request.uri = '/index.html';
  return request;
}
