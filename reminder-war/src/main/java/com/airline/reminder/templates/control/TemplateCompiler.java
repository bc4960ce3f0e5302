package com.airline.reminder.templates.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Compiles a template and checks it. Mustache renders a name it does not know as nothing, silently:
 * here any name outside {@link #PLACEHOLDERS} refuses the template, as do partials and template
 * inheritance (a template is one file) and, in HTML, values left unescaped ({@code {{{name}}}}).
 */
public final class TemplateCompiler {

  /** What a template may name (MailValues gives each a value). */
  public static final List<String> PLACEHOLDERS =
      List.of(
          "passengerName",
          "reference",
          "airline",
          "airlineCode",
          "airlineName",
          "flightNumber",
          "departureAirport",
          "departureCity",
          "arrivalAirport",
          "arrivalCity",
          "departureLocal",
          "departureZone",
          "departureUtc",
          "seats",
          "checkInCloses");

  private static final Set<String> KNOWN = Set.copyOf(PLACEHOLDERS);

  private static final Checking HTML = new Checking(true);
  private static final Checking TEXT = new Checking(false);

  private TemplateCompiler() {}

  /** The compiled template; a {@link TemplateException} naming the file and line if refused. */
  public static Mustache compile(String template, String file, TemplatePart part) {
    try {
      return (part == TemplatePart.HTML ? HTML : TEXT).compile(new StringReader(template), file);
    } catch (TemplateException e) {
      throw e;
    } catch (MustacheException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TemplateException refused) {
        throw refused;
      }
      TemplateContext where = e.getContext();
      String reason = e.getMessage();
      int at = reason == null ? -1 : reason.lastIndexOf(" @[");
      if (at > 0) {
        reason = reason.substring(0, at); // the place, which the refusal states its own way
      }
      throw new TemplateException(
          file, where == null ? 0 : where.line(), "does not parse: " + reason);
    } catch (RuntimeException e) {
      throw new TemplateException(file, 0, "does not parse: " + e);
    }
  }

  /** A factory whose visitor refuses what a mail template must not contain. */
  private static final class Checking extends DefaultMustacheFactory {

    private final boolean html;

    Checking(boolean html) {
      this.html = html;
    }

    @Override
    public void encode(String value, Writer writer) {
      if (html) {
        super.encode(value, writer);
        return;
      }
      try {
        writer.write(value); // subject and plain text: nothing to escape
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("a template cannot include another (" + resourceName + ")");
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
      return new DefaultMustacheVisitor(this) {
        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
          known(tc, variable);
          if (html && !encoded) {
            refuse(
                tc,
                "{{{"
                    + variable
                    + "}}} or {{&"
                    + variable
                    + "}} would put the value into the HTML unescaped; write {{"
                    + variable
                    + "}}");
          }
          super.value(tc, variable, encoded);
        }

        @Override
        public void iterable(TemplateContext tc, String variable, Mustache mustache) {
          known(tc, variable);
          super.iterable(tc, variable, mustache);
        }

        @Override
        public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
          known(tc, variable);
          super.notIterable(tc, variable, mustache);
        }

        @Override
        public void partial(TemplateContext tc, String variable, String indent) {
          refuse(tc, "partials ({{>" + variable + "}}) are not supported");
        }

        @Override
        public void dynamicPartial(TemplateContext tc, String variable, String indent) {
          refuse(tc, "partials ({{>*" + variable + "}}) are not supported");
        }

        @Override
        public void extend(TemplateContext tc, String variable, Mustache mustache) {
          refuse(tc, "template inheritance ({{<" + variable + "}}) is not supported");
        }

        @Override
        public void name(TemplateContext tc, String variable, Mustache mustache) {
          refuse(tc, "template inheritance ({{$" + variable + "}}) is not supported");
        }

        @Override
        public void checkName(TemplateContext tc, String variable, Mustache mustache) {
          refuse(tc, "{{?" + variable + "}} is not supported");
        }

        @Override
        public void pragma(TemplateContext tc, String pragma, String args) {
          refuse(tc, "pragmas ({{%" + pragma + "}}) are not supported");
        }
      };
    }

    private static void known(TemplateContext tc, String variable) {
      if (!KNOWN.contains(variable.strip())) {
        refuse(
            tc,
            "unknown placeholder {{"
                + variable.strip()
                + "}}; the placeholders are "
                + String.join(", ", PLACEHOLDERS));
      }
    }

    private static void refuse(TemplateContext tc, String reason) {
      throw new TemplateException(tc.file(), tc.line(), reason);
    }
  }
}
