package io.orcheo.persistence.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orcheo.persistence.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDsnTest {
  private static final String DSN_KEY = "ORCHEO_POSTGRES_DSN";

  private static ConfigurationException parseFailure(String dsn) {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> PostgresDsn.parse(dsn));
    assertThat(e).as("parsing %s should fail", dsn).isNotNull();
    assertThat(e.key()).isEqualTo(DSN_KEY);
    return e;
  }

  private static void assertNoLeak(ConfigurationException e, String secret) {
    assertThat(e.getMessage()).doesNotContain(secret);
    assertThat(e.toString()).doesNotContain(secret);
  }

  // ------------------------------------------------------------------------------------------- libpq URLs

  @Test
  void libpqUrlBecomesJdbcUrlWithCredentialsKeptApart() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://orcheo:s3cret@db.example.com:5433/orcheo");

    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/orcheo");
    assertThat(dsn.user()).contains("orcheo");
    assertThat(dsn.password()).contains(Secret.of("s3cret"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgres", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+asyncpg", "PostgreSQL"})
  void otherLibpqAndSqlalchemySchemesAreAccepted(String scheme) {
    assertThat(PostgresDsn.parse(scheme + "://u@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(PostgresDsn.parse("  postgresql://h/db\n").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void libpqUrlWithPercentEncodedPasswordIsDecoded() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://us%65r:p%40ss%2Fw%3Ard%C3%A9@h/db");

    assertThat(dsn.user()).contains("user");
    assertThat(dsn.password().orElseThrow().reveal()).isEqualTo("p@ss/w:rdé");
  }

  @Test
  void plusSignInLibpqPasswordStaysAPlusSign() {
    assertThat(PostgresDsn.parse("postgresql://u:a+b@h/db").password().orElseThrow().reveal()).isEqualTo("a+b");
  }

  @Test
  void unencodedAtSignInPasswordIsTolerated() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://u:p@ss@h/db");

    assertThat(dsn.password().orElseThrow().reveal()).isEqualTo("p@ss");
    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void userWithoutPasswordHasNoPassword() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://orcheo@h/db");

    assertThat(dsn.user()).contains("orcheo");
    assertThat(dsn.password()).isEmpty();
  }

  @Test
  void urlWithoutUserLeavesUserToTheDriver() {
    assertThat(PostgresDsn.parse("postgresql://h/db").user()).isEmpty();
  }

  @Test
  void missingHostBecomesLocalhost() {
    assertThat(PostgresDsn.parse("postgresql:///orcheo").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/orcheo");
  }

  @Test
  void schemeAloneTargetsLocalhostWithoutDatabase() {
    assertThat(PostgresDsn.parse("postgresql://").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/");
  }

  @Test
  void missingPortAndDatabaseAreLeftToTheDriver() {
    assertThat(PostgresDsn.parse("postgresql://db.example.com").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com/");
  }

  @Test
  void portWithoutHostTargetsLocalhost() {
    assertThat(PostgresDsn.parse("postgresql://:5433/db").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
  }

  @Test
  void multipleHostsKeepTheirOwnPorts() {
    assertThat(PostgresDsn.parse("postgresql://u:p@h1:5432,h2,h3:5434/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1:5432,h2,h3:5434/db");
  }

  @Test
  void ipv6HostKeepsItsBrackets() {
    assertThat(PostgresDsn.parse("postgresql://u:p@[::1]:5433/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5433/db");
  }

  @Test
  void ipv6HostWithoutPortKeepsItsBrackets() {
    assertThat(PostgresDsn.parse("postgresql://[2001:db8::1]/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[2001:db8::1]/db");
  }

  @Test
  void sslParametersPassThroughUnderTheirOwnNames() {
    PostgresDsn dsn =
        PostgresDsn.parse(
            "postgresql://h/db?sslmode=verify-full&sslrootcert=/etc/ssl/root.crt&sslcert=c.crt&sslkey=c.key");

    assertThat(dsn.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt&sslcert=c.crt"
                + "&sslkey=c.key");
  }

  @Test
  void applicationNameIsRenamedAndReencodedForPgjdbc() {
    assertThat(PostgresDsn.parse("postgresql://h/db?application_name=orcheo%20api").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db?ApplicationName=orcheo+api");
  }

  @Test
  void connectTimeoutIsRenamed() {
    assertThat(PostgresDsn.parse("postgresql://h/db?connect_timeout=10").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db?connectTimeout=10");
  }

  @ParameterizedTest
  @CsvSource({
    "read-write, primary",
    "any, any",
    "read-only, secondary",
    "primary, primary",
    "standby, secondary",
    "prefer-standby, preferSecondary"
  })
  void targetSessionAttrsBecomesTargetServerType(String libpqValue, String pgjdbcValue) {
    assertThat(PostgresDsn.parse("postgresql://h1,h2/db?target_session_attrs=" + libpqValue).jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1,h2/db?targetServerType=" + pgjdbcValue);
  }

  @Test
  void unknownTargetSessionAttrsNamesTheParameterAndAllowedValues() {
    ConfigurationException e = parseFailure("postgresql://h/db?target_session_attrs=fastest");

    assertThat(e)
        .hasMessageContaining("target_session_attrs")
        .hasMessageContaining("read-write")
        .hasMessageContaining("prefer-standby")
        .hasMessageContaining("'fastest'");
  }

  @Test
  void userAndPasswordParametersBecomeFieldsNotUrlParameters() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://h/db?user=orcheo&password=s3cret&sslmode=require");

    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?sslmode=require");
    assertThat(dsn.user()).contains("orcheo");
    assertThat(dsn.password()).contains(Secret.of("s3cret"));
  }

  @Test
  void sslPasswordParameterIsKeptOutOfTheUrl() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://h/db?sslkey=c.pk8&sslpassword=keypass");

    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?sslkey=c.pk8");
    assertThat(dsn.sslPassword()).contains(Secret.of("keypass"));
  }

  @Test
  void hostAndPortParametersReplaceTheHostPart() {
    assertThat(PostgresDsn.parse("postgresql:///db?host=db1,db2&port=5433").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db1:5433,db2:5433/db");
  }

  @Test
  void bareIpv6HostParameterIsBracketed() {
    assertThat(PostgresDsn.parse("postgresql:///db?host=::1").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]/db");
  }

  @Test
  void dbnameParameterReplacesThePath() {
    assertThat(PostgresDsn.parse("postgresql://h/ignored?dbname=orcheo").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/orcheo");
  }

  @Test
  void databaseNameIsDecodedThenReencodedForPgjdbc() {
    assertThat(PostgresDsn.parse("postgresql://h/my%20db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/my+db");
  }

  @Test
  void unixSocketHostIsRejected() {
    assertThat(parseFailure("postgresql:///db?host=/var/run/postgresql")).hasMessageContaining("Unix-domain socket");
  }

  @Test
  void portCountNotMatchingHostCountIsRejected() {
    assertThat(parseFailure("postgresql:///db?host=a,b,c&port=1,2"))
        .hasMessageContaining("2 ports were given for 3 hosts");
  }

  // -------------------------------------------------------------------------------------------- JDBC URLs

  @Test
  void jdbcUrlIsKeptAsWritten() {
    String url = "jdbc:postgresql://h1:5432,[::1]:5433/orcheo?sslmode=require&ApplicationName=orcheo";

    assertThat(PostgresDsn.parse(url).jdbcUrl()).isEqualTo(url);
  }

  @Test
  void shortJdbcUrlIsKeptAsWritten() {
    assertThat(PostgresDsn.parse("jdbc:postgresql:orcheo").jdbcUrl()).isEqualTo("jdbc:postgresql:orcheo");
  }

  @Test
  void jdbcUrlUserAndPasswordParametersAreMovedToTheFields() {
    PostgresDsn dsn = PostgresDsn.parse("jdbc:postgresql://h/db?user=orcheo&ssl=true&password=p%26w+d");

    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
    assertThat(dsn.user()).contains("orcheo");
    assertThat(dsn.password().orElseThrow().reveal()).isEqualTo("p&w d");
  }

  @Test
  void jdbcUrlSslPasswordParameterIsMovedOutOfTheUrl() {
    PostgresDsn dsn = PostgresDsn.parse("jdbc:postgresql://h/db?sslpassword=keypass");

    assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    assertThat(dsn.sslPassword()).contains(Secret.of("keypass"));
  }

  @Test
  void jdbcUrlWithUserInfoIsRejectedWithoutLeakingThePassword() {
    ConfigurationException e = parseFailure("jdbc:postgresql://orcheo:s3cret@h/db");

    assertThat(e).hasMessageContaining("user and password parameters");
    assertNoLeak(e, "s3cret");
  }

  @Test
  void jdbcUrlWithoutSlashAfterHostIsRejected() {
    assertThat(parseFailure("jdbc:postgresql://h:5432")).hasMessageContaining("needs a '/'");
  }

  // ---------------------------------------------------------------------------------------- invalid input

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void blankDsnIsRejected(String dsn) {
    assertThat(parseFailure(dsn)).hasMessageContaining("is empty").hasMessageContaining("Accepted forms");
  }

  @Test
  void otherSchemeIsRejectedNamingTheSchemeOnly() {
    ConfigurationException e = parseFailure("mysql://root:s3cret@h/db");

    assertThat(e).hasMessageContaining("'mysql'").hasMessageContaining("Accepted forms");
    assertNoLeak(e, "s3cret");
  }

  @Test
  void garbageIsRejectedWithoutEchoingIt() {
    ConfigurationException e = parseFailure("s3cret-not-a-url");

    assertThat(e).hasMessageContaining("not a PostgreSQL URL").hasMessageContaining("Accepted forms");
    assertNoLeak(e, "s3cret");
  }

  @Test
  void keyValueConnectionStringIsRejectedWithoutLeakingThePassword() {
    ConfigurationException e = parseFailure("host=h dbname=orcheo password=s3cret");

    assertThat(e).hasMessageContaining("key=value");
    assertNoLeak(e, "s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgresql://u:s3cret@h:abc/db", "postgresql://u:s3cret@h:0/db", "postgresql://u:s3cret@h:70000/db"})
  void unparsablePortIsRejectedWithoutLeakingThePassword(String dsn) {
    ConfigurationException e = parseFailure(dsn);

    assertThat(e).hasMessageContaining("port").hasMessageContaining("postgresql://u:****@h");
    assertNoLeak(e, "s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://u:s3/cret@h/db",
        "postgresql://u:s3?cret@h/db",
        "postgresql://u:12/s3cret@h/db",
        "postgresql://u:12?s3cret@h/db",
        "postgresql://u:s3 cret@h/db",
        "postgresql://u:s3%zzcret@h/db",
        "postgresql://u:s3cret@[::1/db",
        "postgresql://u:s3cret@h/db?sslpassword=s3cret&oops",
        "jdbc:postgresql://u:s3/cret@h/db"
      })
  void malformedUrlErrorsNeverContainThePassword(String dsn) {
    ConfigurationException e = parseFailure(dsn);

    assertThat(e).hasMessageContaining("Accepted forms");
    assertNoLeak(e, "s3");
    assertNoLeak(e, "cret");
  }

  // -------------------------------------------------------------------------------------------- redaction

  @Test
  void redactedMasksThePasswordAndSslPassword() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://u:s3cret@h/db?sslpassword=k3y&sslmode=require&password=pw2");

    assertThat(dsn.redacted())
        .isEqualTo("postgresql://u:****@h/db?sslpassword=****&sslmode=require&password=****");
  }

  @Test
  void redactedJdbcUrlMasksPasswordParameters() {
    PostgresDsn dsn = PostgresDsn.parse("jdbc:postgresql://h/db?user=u&password=s3cret&sslpassword=k3y");

    assertThat(dsn.redacted()).isEqualTo("jdbc:postgresql://h/db?user=u&password=****&sslpassword=****");
  }

  @Test
  void redactedKeepsAUrlWithoutPasswordUnchanged() {
    assertThat(PostgresDsn.parse("postgres://u@h:5432/db?sslmode=require").redacted())
        .isEqualTo("postgres://u@h:5432/db?sslmode=require");
  }

  @Test
  void passwordNeverAppearsInToString() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://u:s3cret@h/db?sslpassword=k3y");

    assertThat(dsn.toString()).isEqualTo(dsn.redacted()).doesNotContain("s3cret").doesNotContain("k3y");
    assertThat(dsn.jdbcUrl()).doesNotContain("s3cret").doesNotContain("k3y");
  }

  @Test
  void connectionPropertiesCarryTheCredentials() {
    PostgresDsn dsn = PostgresDsn.parse("postgresql://u:s3cret@h/db?sslpassword=k3y");

    assertThat(dsn.connectionProperties())
        .containsEntry("user", "u")
        .containsEntry("password", "s3cret")
        .containsEntry("sslpassword", "k3y")
        .hasSize(3);
  }

  // --------------------------------------------------------------------------------------------- equality

  @Test
  void sameTargetWrittenInEitherFormIsEqual() {
    PostgresDsn libpq = PostgresDsn.parse("postgres://u:p@h:5433/db?sslmode=require");
    PostgresDsn jdbc = PostgresDsn.parse("jdbc:postgresql://h:5433/db?sslmode=require&user=u&password=p");

    assertThat(libpq).isEqualTo(jdbc).hasSameHashCodeAs(jdbc);
  }

  @Test
  void differentPasswordsAreNotEqual() {
    assertThat(PostgresDsn.parse("postgresql://u:p1@h/db")).isNotEqualTo(PostgresDsn.parse("postgresql://u:p2@h/db"));
  }
}
