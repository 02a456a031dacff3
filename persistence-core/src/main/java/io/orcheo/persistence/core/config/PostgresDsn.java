package io.orcheo.persistence.core.config;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A parsed PostgreSQL connection target ({@code ORCHEO_POSTGRES_DSN}): a JDBC URL without credentials, plus
 * the user name and passwords kept apart so that they never reach a log.
 *
 * <p>Two input forms are accepted:
 *
 * <ul>
 *   <li>libpq URLs, as upstream Orcheo uses them:
 *       {@code postgresql://[user[:password]@][host[:port][,host2[:port2]...]][/dbname][?param=value&...]}, also
 *       with the schemes {@code postgres}, {@code postgresql+psycopg}, {@code postgresql+psycopg2} and
 *       {@code postgresql+asyncpg}. They are converted to pgjdbc's form: libpq-only parameter names are mapped
 *       ({@code application_name}, {@code connect_timeout}, {@code target_session_attrs}), the others (for
 *       example {@code sslmode}, {@code sslrootcert}) keep their names, which pgjdbc shares.
 *   <li>JDBC URLs {@code jdbc:postgresql:...}, kept as written except that the {@code user}, {@code password}
 *       and {@code sslpassword} parameters are moved out of the URL.
 * </ul>
 */
public final class PostgresDsn {
  private static final String KEY = PersistenceSettings.POSTGRES_DSN_KEY;
  private static final String MASK = "****";
  private static final String JDBC_PREFIX = "jdbc:postgresql:";
  private static final Set<String> LIBPQ_SCHEMES =
      Set.of("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+asyncpg");
  private static final String ACCEPTED_FORMS =
      " Accepted forms: a libpq URL"
          + " postgresql://[user[:password]@][host[:port][,host2[:port2]...]][/dbname][?name=value&...]"
          + " (the schemes postgres, postgresql+psycopg, postgresql+psycopg2 and postgresql+asyncpg are accepted"
          + " too), or a JDBC URL jdbc:postgresql://host[:port][,...]/dbname[?user=...&password=...&...]."
          + " Percent-encode reserved characters (such as @ : / ?) in the user name and password.";
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9._~-]+)?");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  // Catches password-like assignments anywhere, including key=value connection strings, when redacting input
  // that could not be parsed.
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile("(?i)((?:ssl)?password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|[^&\\s]*)");
  private static final Map<String, String> TARGET_SERVER_TYPES =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  private final String jdbcUrl;
  private final String user;
  private final Secret password;
  private final Secret sslPassword;
  private final String redacted;

  private PostgresDsn(String jdbcUrl, String user, Secret password, Secret sslPassword, String redacted) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.sslPassword = sslPassword;
    this.redacted = redacted;
  }

  /**
   * Parses a libpq or JDBC URL; surrounding whitespace is ignored.
   *
   * @param dsn the value of {@code ORCHEO_POSTGRES_DSN}
   * @return the parsed target
   * @throws ConfigurationException keyed {@code ORCHEO_POSTGRES_DSN} if the value is blank, has another scheme or
   *     is malformed; the message lists the accepted forms and never contains a password
   */
  public static PostgresDsn parse(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw new ConfigurationException(KEY, KEY + " is empty." + ACCEPTED_FORMS);
    }
    String input = dsn.strip();
    if (input.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
      return parseJdbc(input);
    }
    int separator = input.indexOf("://");
    if (separator > 0 && SCHEME.matcher(input.substring(0, separator)).matches()) {
      String scheme = input.substring(0, separator);
      if (LIBPQ_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        return parseLibpq(input, separator);
      }
      throw new ConfigurationException(
          KEY, KEY + " has the unsupported scheme '" + scheme + "'." + ACCEPTED_FORMS);
    }
    // The value is not echoed: without a recognisable structure there is no telling where a password sits.
    String what =
        input.indexOf('=') >= 0
            ? " looks like a libpq key=value connection string, which is not supported; write it as a URL."
            : " is not a PostgreSQL URL (the value is not shown because it may contain a password).";
    throw new ConfigurationException(KEY, KEY + what + ACCEPTED_FORMS);
  }

  /**
   * The pgjdbc URL, without user name or passwords; hand those over with {@link #connectionProperties()}.
   *
   * @return for example {@code jdbc:postgresql://db.example.com:5432/orcheo?sslmode=require}
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * The user name, from the URL's user part or its {@code user} parameter.
   *
   * @return the user name, or empty when the driver's default (the operating-system user) applies
   */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /**
   * The password, from the URL's user part or its {@code password} parameter.
   *
   * @return the password, or empty when none was given
   */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /**
   * The password of the client certificate's key, from the {@code sslpassword} parameter.
   *
   * @return the key password, or empty when none was given
   */
  public Optional<Secret> sslPassword() {
    return Optional.ofNullable(sslPassword);
  }

  /**
   * The driver properties that {@link #jdbcUrl()} leaves out: {@code user}, {@code password} and
   * {@code sslpassword}, each only when given. The returned object holds the revealed secrets: pass it to the
   * driver or pool, never to a log.
   *
   * @return a new, mutable {@code Properties}
   */
  public Properties connectionProperties() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    if (sslPassword != null) {
      properties.setProperty("sslpassword", sslPassword.reveal());
    }
    return properties;
  }

  /**
   * The DSN as given, with the password and any {@code password} or {@code sslpassword} parameter replaced by
   * {@code ****}; safe to log.
   *
   * @return the redacted DSN
   */
  public String redacted() {
    return redacted;
  }

  /**
   * Two DSNs are equal when they connect the same way: same JDBC URL, user and passwords, whichever form they
   * were written in.
   *
   * @param other the object to compare with
   * @return whether {@code other} is an equivalent {@code PostgresDsn}
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof PostgresDsn that
        && jdbcUrl.equals(that.jdbcUrl)
        && Objects.equals(user, that.user)
        && Objects.equals(password, that.password)
        && Objects.equals(sslPassword, that.sslPassword);
  }

  /**
   * Hashes the fields that {@link #equals(Object)} compares.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(jdbcUrl, user, password, sslPassword);
  }

  /**
   * The same as {@link #redacted()}.
   *
   * @return the redacted DSN
   */
  @Override
  public String toString() {
    return redacted;
  }

  // ---------------------------------------------------------------------------------------------- libpq URLs

  private static PostgresDsn parseLibpq(String input, int separator) {
    requireNoWhitespace(input);
    String prefix = input.substring(0, separator + 3);
    String rest = input.substring(separator + 3);
    int question = rest.indexOf('?');
    String beforeQuery = question < 0 ? rest : rest.substring(0, question);
    String rawQuery = question < 0 ? null : rest.substring(question + 1);
    int slash = beforeQuery.indexOf('/');
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String rawPath = slash < 0 ? null : beforeQuery.substring(slash + 1);
    // The last '@' so that an unencoded '@' in a password still parses (libpq would reject it, psycopg not).
    int at = authority.lastIndexOf('@');
    String rawUserInfo = at < 0 ? null : authority.substring(0, at);
    String rawHosts = authority.substring(at + 1);

    String user = null;
    Secret password = null;
    Secret sslPassword = null;
    if (rawUserInfo != null) {
      int colon = rawUserInfo.indexOf(':');
      user = emptyToNull(decodePercent(input, colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon), "user name"));
      if (colon >= 0) {
        password = secretOrNull(decodePercent(input, rawUserInfo.substring(colon + 1), "password"));
      }
    }

    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    if (!rawHosts.isEmpty()) {
      for (String entry : rawHosts.split(",", -1)) {
        String[] hostAndPort = splitHostAndPort(input, entry);
        hosts.add(checkHost(input, decodePercent(input, hostAndPort[0], "host")));
        ports.add(checkPort(input, hostAndPort[1]));
      }
    }

    String database = null;
    if (rawPath != null) {
      // A '/' inside an unencoded password ends the host part early and pushes the rest of the password here.
      if (rawPath.indexOf('@') >= 0) {
        throw invalid(input, "the database name contains '@'; percent-encode a '/' in the password as %2F");
      }
      database = emptyToNull(decodePercent(input, rawPath, "database name"));
    }

    Map<String, String> jdbcParameters = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parseLibpqQuery(input, rawQuery).entrySet()) {
      String name = parameter.getKey();
      String value = parameter.getValue();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "user" -> user = emptyToNull(value);
        case "password" -> password = secretOrNull(value);
        case "sslpassword" -> sslPassword = secretOrNull(value);
        case "host" -> hosts = hostsFromParameter(input, value);
        case "port" -> ports = portsFromParameter(input, value);
        case "dbname" -> database = emptyToNull(value);
        case "application_name" -> jdbcParameters.put("ApplicationName", value);
        case "connect_timeout" -> jdbcParameters.put("connectTimeout", value);
        case "target_session_attrs" -> jdbcParameters.put("targetServerType", targetServerType(value));
        default -> jdbcParameters.put(name, value);
      }
    }

    String jdbcUrl = buildJdbcUrl(input, hosts, ports, database, jdbcParameters);
    return new PostgresDsn(
        jdbcUrl, user, password, sslPassword, redactLibpq(prefix, rawUserInfo, rawHosts, rawPath, rawQuery));
  }

  private static Map<String, String> parseLibpqQuery(String input, String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String token : rawQuery.split("&")) {
      if (token.isEmpty()) {
        continue;
      }
      int equals = token.indexOf('=');
      // The token is not echoed: a stray password fragment could be all it holds.
      if (equals < 0) {
        throw invalid(input, "a query parameter has no '=' (expected name=value)");
      }
      String name = decodePercent(input, token.substring(0, equals), "query parameter name");
      if (!PARAM_NAME.matcher(name).matches()) {
        throw invalid(input, "a query parameter name is not a plain word");
      }
      parameters.put(name, decodePercent(input, token.substring(equals + 1), "query parameter '" + name + "'"));
    }
    return parameters;
  }

  private static String targetServerType(String value) {
    String mapped = TARGET_SERVER_TYPES.get(value.toLowerCase(Locale.ROOT));
    if (mapped == null) {
      throw new ConfigurationException(
          KEY,
          KEY + ": target_session_attrs must be one of any, read-write, read-only, primary, standby,"
              + " prefer-standby (got '" + value + "').");
    }
    return mapped;
  }

  private static List<String> hostsFromParameter(String input, String value) {
    List<String> hosts = new ArrayList<>();
    for (String host : value.split(",", -1)) {
      // libpq takes bare IPv6 addresses in the host parameter; pgjdbc needs them bracketed.
      boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
      hosts.add(checkHost(input, bareIpv6 ? "[" + host + "]" : host));
    }
    return hosts;
  }

  private static List<String> portsFromParameter(String input, String value) {
    List<String> ports = new ArrayList<>();
    for (String port : value.split(",", -1)) {
      ports.add(checkPort(input, port));
    }
    return ports;
  }

  private static String buildJdbcUrl(
      String input, List<String> hosts, List<String> ports, String database, Map<String, String> parameters) {
    List<String> targetHosts = hosts.isEmpty() ? List.of("") : hosts;
    boolean noPorts = ports.stream().allMatch(String::isEmpty);
    // libpq's rule: one port applies to every host, otherwise there must be one port per host.
    if (!noPorts && ports.size() != 1 && ports.size() != targetHosts.size()) {
      throw invalid(input, ports.size() + " ports were given for " + targetHosts.size() + " hosts");
    }
    StringBuilder url = new StringBuilder("jdbc:postgresql://");
    for (int i = 0; i < targetHosts.size(); i++) {
      if (i > 0) {
        url.append(',');
      }
      String host = targetHosts.get(i);
      url.append(host.isEmpty() ? "localhost" : host);
      String port = noPorts ? "" : ports.get(ports.size() == 1 ? 0 : i);
      if (!port.isEmpty()) {
        url.append(':').append(port);
      }
    }
    // pgjdbc requires the '/' even without a database name.
    url.append('/');
    if (database != null) {
      url.append(encodeForJdbc(database));
    }
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      url.append(separator).append(parameter.getKey()).append('=').append(encodeForJdbc(parameter.getValue()));
      separator = '&';
    }
    return url.toString();
  }

  private static String redactLibpq(
      String prefix, String rawUserInfo, String rawHosts, String rawPath, String rawQuery) {
    StringBuilder redacted = new StringBuilder(prefix);
    if (rawUserInfo != null) {
      int colon = rawUserInfo.indexOf(':');
      redacted.append(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon + 1) + MASK).append('@');
    }
    redacted.append(rawHosts);
    if (rawPath != null) {
      redacted.append('/').append(rawPath);
    }
    if (rawQuery != null) {
      redacted.append('?').append(redactQuery(rawQuery, PostgresDsn::decodePercentQuietly));
    }
    return redacted.toString();
  }

  // ----------------------------------------------------------------------------------------------- JDBC URLs

  private static PostgresDsn parseJdbc(String input) {
    requireNoWhitespace(input);
    String body = input.substring(JDBC_PREFIX.length());
    int question = body.indexOf('?');
    String location = question < 0 ? body : body.substring(0, question);
    String rawQuery = question < 0 ? null : body.substring(question + 1);
    if (location.startsWith("//")) {
      String server = location.substring(2);
      int slash = server.indexOf('/');
      // Without it pgjdbc does not accept the URL at all and the pool reports "no suitable driver".
      if (slash < 0) {
        throw invalid(input, "a JDBC URL needs a '/' after host[:port], as in jdbc:postgresql://host:5432/dbname");
      }
      String hostList = server.substring(0, slash);
      if (hostList.indexOf('@') >= 0) {
        throw invalid(
            input, "a JDBC URL takes credentials as user and password parameters, not as user:password@host");
      }
      for (String entry : hostList.split(",", -1)) {
        String[] hostAndPort = splitHostAndPort(input, entry);
        checkHost(input, hostAndPort[0]);
        checkPort(input, hostAndPort[1]);
      }
    }

    String user = null;
    Secret password = null;
    Secret sslPassword = null;
    List<String> kept = new ArrayList<>();
    if (rawQuery != null) {
      for (String token : rawQuery.split("&")) {
        if (token.isEmpty()) {
          continue;
        }
        int equals = token.indexOf('=');
        String name = equals < 0 ? token : token.substring(0, equals);
        String rawValue = equals < 0 ? "" : token.substring(equals + 1);
        switch (name.toLowerCase(Locale.ROOT)) {
          case "user" -> user = emptyToNull(decodeForJdbc(input, rawValue, "user"));
          case "password" -> password = secretOrNull(decodeForJdbc(input, rawValue, "password"));
          case "sslpassword" -> sslPassword = secretOrNull(decodeForJdbc(input, rawValue, "sslpassword"));
          default -> kept.add(token);
        }
      }
    }
    String base = JDBC_PREFIX + location;
    String jdbcUrl = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    String redacted =
        input.substring(0, JDBC_PREFIX.length())
            + location
            + (rawQuery == null ? "" : "?" + redactQuery(rawQuery, UnaryOperator.identity()));
    return new PostgresDsn(jdbcUrl, user, password, sslPassword, redacted);
  }

  // ----------------------------------------------------------------------------------------- shared helpers

  /** Splits {@code host[:port]} or {@code [ipv6][:port]} without decoding; the port is "" when absent. */
  private static String[] splitHostAndPort(String input, String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw invalid(input, "an IPv6 address is missing its closing ']'");
      }
      String after = entry.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw invalid(input, "unexpected characters follow an IPv6 address");
      }
      return new String[] {entry.substring(0, close + 1), after.isEmpty() ? "" : after.substring(1)};
    }
    int colon = entry.indexOf(':');
    return colon < 0
        ? new String[] {entry, ""}
        : new String[] {entry.substring(0, colon), entry.substring(colon + 1)};
  }

  private static String checkHost(String input, String host) {
    if (host.isEmpty()) {
      return host;
    }
    if (host.startsWith("/")) {
      throw invalid(
          input, "Unix-domain socket directories are not supported by the JDBC driver; give a TCP host name");
    }
    boolean valid =
        host.startsWith("[") && host.endsWith("]")
            ? IPV6.matcher(host.substring(1, host.length() - 1)).matches()
            : HOST_NAME.matcher(host).matches();
    // The host is not echoed: with an unencoded '/' or '?' in a password, what looks like a host may not be one.
    if (!valid) {
      throw invalid(input, "a host is not a valid host name or [IPv6] address");
    }
    return host;
  }

  private static String checkPort(String input, String port) {
    if (port.isEmpty()) {
      return port;
    }
    // Not echoed either: "host:port" may really be "user:password" whose '@' came after a '/' or '?'.
    if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw invalid(input, "a port is not a number between 1 and 65535");
    }
    return port;
  }

  private static void requireNoWhitespace(String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw invalid(input, "it contains whitespace or control characters (percent-encode them, a space as %20)");
      }
    }
  }

  /** Decodes RFC 3986 percent-encoding as libpq does: '+' stays a plus sign. */
  private static String decodePercent(String input, String text, String what) {
    String decoded = decodePercentOrNull(text);
    if (decoded == null) {
      throw invalid(input, "the " + what + " has an invalid percent-encoding or is not UTF-8");
    }
    return decoded;
  }

  private static String decodePercentQuietly(String text) {
    String decoded = decodePercentOrNull(text);
    return decoded == null ? text : decoded;
  }

  private static String decodePercentOrNull(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '%') {
        decoded.write(bytes[i]);
        continue;
      }
      int high = i + 1 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int low = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (high < 0 || low < 0) {
        return null;
      }
      decoded.write(high << 4 | low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Decodes as pgjdbc does (form encoding, '+' is a space), so that the value matches what the driver sees. */
  private static String decodeForJdbc(String input, String text, String parameter) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(input, "the " + parameter + " parameter has an invalid percent-encoding");
    }
  }

  /** Encodes so that pgjdbc's form decoding gives {@code text} back. */
  private static String encodeForJdbc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String redactQuery(String rawQuery, UnaryOperator<String> decodeName) {
    String[] tokens = rawQuery.split("&", -1);
    for (int i = 0; i < tokens.length; i++) {
      int equals = tokens[i].indexOf('=');
      String name = equals < 0 ? tokens[i] : tokens[i].substring(0, equals);
      if (isSecretParameter(decodeName.apply(name)) && equals >= 0) {
        tokens[i] = name + "=" + MASK;
      }
    }
    return String.join("&", tokens);
  }

  private static boolean isSecretParameter(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("password") || lower.equals("sslpassword");
  }

  /**
   * Redacts input that failed to parse. It over-masks rather than under-masks: everything from the first ':'
   * after the scheme to the last '@' is hidden, which also covers passwords with unencoded '/', '?' or '@'.
   */
  private static String redactLeniently(String input) {
    String text = input;
    int separator = text.indexOf("://");
    int start = separator < 0 ? 0 : separator + 3;
    int at = text.lastIndexOf('@');
    if (at > start) {
      int colon = text.indexOf(':', start);
      if (colon >= 0 && colon < at) {
        text = text.substring(0, colon + 1) + MASK + text.substring(at);
      }
    }
    int question = text.indexOf('?', start);
    if (question >= 0) {
      text =
          text.substring(0, question + 1)
              + redactQuery(text.substring(question + 1), PostgresDsn::decodePercentQuietly);
    }
    return SECRET_ASSIGNMENT.matcher(text).replaceAll("$1" + MASK);
  }

  private static ConfigurationException invalid(String input, String reason) {
    return new ConfigurationException(
        KEY,
        KEY + " is not a valid PostgreSQL URL: " + reason + " (got '" + redactLeniently(input) + "')."
            + ACCEPTED_FORMS);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static Secret secretOrNull(String text) {
    return text == null || text.isEmpty() ? null : Secret.of(text);
  }
}
