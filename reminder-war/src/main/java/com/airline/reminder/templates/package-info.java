/**
 * The reminder mails' words: for each kind of mail and language a Mustache template for the
 * subject, the plain text and the HTML (values HTML-escaped there). The shipped ones live in the
 * WAR under templates/&lt;language&gt;/; files in reminder.templates.dir replace any of them, are
 * checked before use (a file that does not parse or names an unknown placeholder is refused, and
 * what was in use stays), and are read again when they change. A mail never fails for a template.
 */
package com.airline.reminder.templates;
