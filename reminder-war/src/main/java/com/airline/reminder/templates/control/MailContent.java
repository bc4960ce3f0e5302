package com.airline.reminder.templates.control;

/** A mail rendered: one-line subject, plain text, HTML; locale is the template set used. */
public record MailContent(String locale, String subject, String text, String html) {}
