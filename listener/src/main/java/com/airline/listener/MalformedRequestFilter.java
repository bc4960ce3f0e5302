package com.airline.listener;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits right after the HTTP codec and answers, with problem+json and a new X-Request-ID, the
 * requests Payara's web container would answer badly: a request target that does not decode (400),
 * header fields over the limits below (431), and TRACE (405: the container answers it bare, before
 * any filter, and enabling it would echo the request's headers, tokens included). It then closes
 * the connection, as Grizzly does after its own 400s. Every other request passes untouched.
 *
 * <p>The limits are what Grizzly itself enforced before (8 KiB of request line and header fields,
 * 100 fields, Payara's defaults): pre-boot.asadmin raises Grizzly's own limits above them so that
 * such requests get this far. Past Grizzly's raised limits the codec still answers a bare 400.
 */
public class MalformedRequestFilter extends BaseFilter {

  static final int MAX_HEADER_BYTES = 8192;
  static final int MAX_HEADER_FIELDS = 100;

  /** What a 405 says is served (the methods the gateway passes on). */
  static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  private static final Logger LOG = Logger.getLogger(MalformedRequestFilter.class.getName());

  /** Puts a filter right after the chain's HTTP codec, where requests arrive parsed. */
  static void addAfterCodec(FilterChain chain) {
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the listener's chain: " + chain);
    }
    chain.add(codec + 1, new MalformedRequestFilter());
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) {
    if (ctx.getMessage() instanceof HttpContent content
        && content.getHttpHeader() instanceof HttpRequestPacket request) {
      if (Method.TRACE.equals(request.getMethod())) {
        request.getResponse().setHeader("Allow", ALLOWED);
        return refuse(
            ctx,
            request,
            HttpStatus.METHOD_NOT_ALLOWED_405,
            "TRACE is not served; " + ALLOWED + " are.");
      }
      String defect = RequestTarget.defect(request.getRequestURIRef().getRequestURIBC());
      if (defect != null) {
        return refuse(ctx, request, HttpStatus.BAD_REQUEST_400, defect);
      }
      MimeHeaders headers = request.getHeaders();
      if (headers.size() > MAX_HEADER_FIELDS) {
        return refuse(
            ctx,
            request,
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "The request has "
                + headers.size()
                + " header fields; at most "
                + MAX_HEADER_FIELDS
                + " are taken.");
      }
      int size = headerBytes(request);
      if (size > MAX_HEADER_BYTES) {
        return refuse(
            ctx,
            request,
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "The request line and header fields take about "
                + size
                + " bytes; at most "
                + MAX_HEADER_BYTES
                + " are taken.");
      }
    }
    return ctx.getInvokeAction();
  }

  /** About the bytes of the request line and header fields as sent (what Grizzly limits). */
  static int headerBytes(HttpRequestPacket request) {
    int size =
        request.getMethodDC().getLength()
            + 1
            + request.getRequestURIRef().getRequestURIBC().getLength()
            + 1
            + request.getQueryStringDC().getLength()
            + 1
            + request.getProtocolDC().getLength()
            + 2;
    MimeHeaders headers = request.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      size += headers.getName(i).getLength() + 2 + headers.getValue(i).getLength() + 2;
    }
    return size + 2;
  }

  private static NextAction refuse(
      FilterChainContext ctx, HttpRequestPacket request, HttpStatus status, String detail) {
    String requestId = UUID.randomUUID().toString();
    String instance = RequestTarget.quotable(request.getRequestURIRef().getRequestURIBC());
    byte[] body = Problem.json(status, detail, instance, requestId);
    // the id before the message (the text log), and as a field for Payara's JSON log formatter,
    // which writes a Map parameter's entries as fields
    LogRecord line =
        new LogRecord(
            Level.INFO,
            "[requestId="
                + requestId
                + "] "
                + status.getStatusCode()
                + " "
                + request.getMethod()
                + " "
                + (instance == null ? "(a request target that is no valid URI)" : instance)
                + ": "
                + detail);
    line.setLoggerName(LOG.getName());
    line.setParameters(new Object[] {Map.of("requestId", requestId)});
    LOG.log(line);

    HttpResponsePacket response = request.getResponse();
    status.setValues(response);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.setHeader("X-Request-ID", requestId);
    // the codec then adds "Connection: close" and closes once the answer is out (and any body of
    // the request skipped), as after its own errors
    request.getProcessingState().setKeepAlive(false);
    ctx.write(
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build());
    ctx.notifyDownstream(HttpServerFilter.RESPONSE_COMPLETE_EVENT);
    return ctx.getStopAction();
  }
}
