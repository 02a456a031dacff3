package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.schema.SchemaMigrator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every index the changelogs declare says which query it serves: a changeset that creates an index (a
 * {@code <createIndex>}, or {@code CREATE [UNIQUE] INDEX} or an FTS5 table in its SQL) has a non-empty
 * {@code <comment>}. The changelogs are read from the classpath, starting at every entry point and following their
 * includes.
 */
class ChangelogCommentsTest {
  private static final List<String> ENTRY_POINTS = List.of(SchemaMigrator.MASTER, SchemaMigrator.REPOSITORY,
      SchemaMigrator.SERVICE_TOKENS, SchemaMigrator.CHATKIT);
  private static final Pattern CREATES_INDEX =
      Pattern.compile("CREATE\\s+(UNIQUE\\s+)?INDEX|CREATE\\s+VIRTUAL\\s+TABLE", Pattern.CASE_INSENSITIVE);

  /** Changeset id → its comment, for every changeset that creates an index, in every changelog reachable. */
  private static Map<String, String> indexChangesets() throws Exception {
    Map<String, String> found = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>(ENTRY_POINTS);
    List<String> seen = new ArrayList<>();
    while (!pending.isEmpty()) {
      String path = pending.remove(0);
      if (seen.contains(path)) {
        continue;
      }
      seen.add(path);
      Document changelog = read(path);
      NodeList includes = changelog.getElementsByTagNameNS("*", "include");
      for (int i = 0; i < includes.getLength(); i++) {
        pending.add(((Element) includes.item(i)).getAttribute("file"));
      }
      NodeList changeSets = changelog.getElementsByTagNameNS("*", "changeSet");
      for (int i = 0; i < changeSets.getLength(); i++) {
        Element changeSet = (Element) changeSets.item(i);
        if (createsIndex(changeSet)) {
          NodeList comments = changeSet.getElementsByTagNameNS("*", "comment");
          found.put(path + "::" + changeSet.getAttribute("id"),
              comments.getLength() == 0 ? "" : comments.item(0).getTextContent().strip());
        }
      }
    }
    return found;
  }

  private static boolean createsIndex(Element changeSet) {
    if (changeSet.getElementsByTagNameNS("*", "createIndex").getLength() > 0) {
      return true;
    }
    NodeList sql = changeSet.getElementsByTagNameNS("*", "sql");
    for (int i = 0; i < sql.getLength(); i++) {
      if (CREATES_INDEX.matcher(sql.item(i).getTextContent()).find()) {
        return true;
      }
    }
    return false;
  }

  private static Document read(String path) throws Exception {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("changelog %s on the classpath", path).isNotNull();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(in);
    }
  }

  @Test
  void everyChangesetThatCreatesAnIndexHasAComment() throws Exception {
    Map<String, String> changesets = indexChangesets();

    assertThat(changesets).isNotEmpty().allSatisfy((id, comment) -> assertThat(comment).as(id).isNotBlank());
  }

  @Test
  void theChatkitChangelogsIndexesAreAllFound() throws Exception {
    assertThat(indexChangesets().keySet()).filteredOn(id -> id.startsWith("db/changelog/chatkit/"))
        .extracting(id -> id.substring(id.indexOf("::") + 2))
        .contains("chatkit-0.1-messages-thread-index", "chatkit-0.1-attachments-thread-index",
            "chatkit-0.1-upstream-postgresql-indexes", "chatkit-0.1-threads-page-index",
            "chatkit-0.1-threads-workflow-page-index", "chatkit-0.1-threads-updated-index-sqlite",
            "chatkit-0.1-messages-page-index", "chatkit-0.1-search-index-postgresql", "chatkit-0.1-search-fts-sqlite");
  }

  @Test
  void everyChatkitIndexCommentNamesWhatItServes() throws Exception {
    Map<String, String> chatkit = new LinkedHashMap<>();
    indexChangesets().forEach((id, comment) -> {
      if (id.startsWith("db/changelog/chatkit/")) {
        chatkit.put(id, comment.toLowerCase(Locale.ROOT));
      }
    });

    // Ours say "Serves …"; upstream's say they are upstream's and name the queries they serve.
    assertThat(chatkit).allSatisfy((id, comment) -> assertThat(comment).as(id).containsAnyOf("serves", "upstream's"));
  }
}
