// The HTML bodies IIS and the products' sign-in pages answer with, so that
// a client meets what a real misconfigured farm sends: HTML where it
// expected JSON or XML.

function page(title: string, body: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/><title>${title}</title></head>
<body><div id="header"><h1>Server Error</h1></div>
<div id="content"><div class="content-container"><fieldset>
${body}
</fieldset></div></div></body></html>
`;
}

export const IIS_404 = page(
  '404 - File or directory not found.',
  '<h2>404 - File or directory not found.</h2>\n<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>',
);

export const IIS_500 = page(
  '500 - Internal server error.',
  '<h2>500 - Internal server error.</h2>\n<h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>',
);

export const IIS_401 = page(
  '401 - Unauthorized: Access is denied due to invalid credentials.',
  '<h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>\n<h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3>',
);

/** What a reverse proxy or a forms-based sign-in front end answers with 200. */
export function signInPage(host: string): string {
  return `<!DOCTYPE html>
<html><head><title>Sign In</title></head>
<body>
<form method="post" action="https://${host}/adfs/ls/" id="loginForm">
<label for="userNameInput">User name</label><input id="userNameInput" name="UserName" type="email"/>
<label for="passwordInput">Password</label><input id="passwordInput" name="Password" type="password"/>
<input type="submit" value="Sign in"/>
</form>
</body></html>
`;
}
