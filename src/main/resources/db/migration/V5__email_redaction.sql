-- Sign-in links in emails are secrets: once an email has been handed to the SMTP server, the
-- stored copy keeps a version with those links removed, rendered when the email was written.
alter table email_outbox add column redacted_html text;
alter table email_outbox add column redacted_text text;
