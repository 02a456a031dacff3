package io.orcheo.persistence.benchmarks;

import java.util.List;
import java.util.Random;

/**
 * Message text for {@link ChatFixture}: English sentences of the kind users and an assistant exchange about
 * workflows, reports and everyday errands, built from templates whose slots take words from lists, so that a few
 * hundred thousand messages share a vocabulary of some hundreds of words with a long tail of rarer ones. It is seeded,
 * so a trial's text is the same on both backends and on every run.
 *
 * <p>Three words and a phrase are placed with known frequencies, for the searches measured:
 * <ul>
 *   <li>{@link #RARE_WORD} appears in no template: only {@link #rareMessage} writes it;</li>
 *   <li>{@link #COMMON_WORD} ("workflow", "workflows") is in many templates and slots;</li>
 *   <li>{@link #PHRASE} ("connection pool") is in a few templates, and its two words also appear apart in others,
 *       so the phrase search must check adjacency.</li>
 * </ul>
 */
final class ChatText {
  /** A word only {@link #rareMessage} writes. */
  static final String RARE_WORD = "quokka";
  /** A word in a large share of the messages. */
  static final String COMMON_WORD = "workflow";
  /** Two words that appear together in some messages and apart in others. */
  static final String PHRASE = "connection pool";

  private static final List<String> NOUNS = List.of("report", "invoice", "dashboard", "database", "table", "index",
      "query", "deployment", "server", "cluster", "container", "pipeline", "schedule", "trigger", "webhook", "token",
      "credential", "chart", "customer", "account", "message", "email", "calendar", "meeting", "document",
      "spreadsheet", "file", "upload", "attachment", "model", "prompt", "response", "agent", "tool", "graph", "step",
      "retry", "timeout", "log", "metric", "alert", "budget", "forecast", "summary", "translation", "itinerary",
      "flight", "hotel", "contract", "proposal", "survey", "ticket", "release", "changelog", "backup", "snapshot",
      "migration", "checkpoint", "experiment", "dataset", "label", "template", "newsletter", "playlist", "recipe",
      "workflow", "workflow", "workflow", "run", "cron job", "API key", "quota", "bill", "receipt", "order",
      "shipment", "warehouse", "payroll", "roadmap", "milestone", "sprint", "backlog", "standup", "onboarding",
      "vendor", "license", "policy", "audit", "incident", "outage", "latency", "throughput", "cache", "queue",
      "worker", "script", "notebook", "diagram", "slide deck", "transcript", "podcast", "article", "blog post");
  private static final List<String> VERBS = List.of("check", "fix", "update", "summarize", "schedule", "deploy",
      "review", "migrate", "export", "import", "retry", "cancel", "compare", "explain", "translate", "rename",
      "archive", "delete", "restore", "monitor", "share", "download", "refresh", "merge", "split", "tag", "sort",
      "filter", "validate", "approve", "reject", "publish", "pause", "resume", "rebuild", "reindex", "audit",
      "estimate", "draft", "proofread", "forward", "pin", "rotate", "revoke", "benchmark", "profile", "debug");
  private static final List<String> PAST = List.of("checked", "fixed", "updated", "summarized", "scheduled",
      "deployed", "reviewed", "migrated", "exported", "imported", "retried", "cancelled", "compared", "translated",
      "renamed", "archived", "restored", "refreshed", "merged", "validated", "approved", "published", "paused",
      "resumed", "rebuilt", "reindexed", "audited", "drafted", "proofread", "forwarded", "rotated", "profiled");
  private static final List<String> ADJECTIVES = List.of("slow", "failing", "latest", "weekly", "quarterly",
      "nightly", "broken", "missing", "duplicate", "pending", "urgent", "previous", "new", "large", "small", "shared",
      "private", "archived", "draft", "final", "monthly", "flaky", "expired", "stale", "encrypted", "public",
      "internal", "experimental", "legacy", "critical", "optional", "detailed", "rough", "annual", "regional");
  private static final List<String> NAMES = List.of("Alice", "Bob", "Priya", "Mateo", "Chen", "Fatima", "Olga",
      "Kwame", "Sofia", "Hiroshi", "Amara", "Lucas", "Ingrid", "Rahul", "Chloe", "Tomasz", "Yara", "Diego", "Mei",
      "Noah", "Leila", "Sven", "Aisha", "Jonas");
  private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "tomorrow", "next week", "the end of the month");
  private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December");
  private static final List<String> PLACES = List.of("Lisbon", "Nairobi", "Osaka", "Toronto", "Berlin", "Lima",
      "Melbourne", "Reykjavik", "Warsaw", "Seoul", "Dublin", "Mumbai", "Austin", "Cape Town", "Montreal");

  private static final List<String> USER = List.of(
      "Can you {verb} the {adj} {noun} for {name}?",
      "Why is the {noun} so {adj} today?",
      "Please {verb} the {noun} before {day}.",
      "I tried to {verb} the {noun} but it keeps failing with a {noun} error.",
      "What does the {noun} look like for {month}?",
      "Could you draft an email to {name} about the {adj} {noun}?",
      "How many {noun}s did we process last week?",
      "Remind me to {verb} the {noun} on {day} morning.",
      "The workflow stopped after the {noun} step, any idea why?",
      "Show me the {noun}s that were created yesterday.",
      "Is the connection pool big enough for {num} concurrent users?",
      "Thanks, that worked!",
      "Great, thank you.",
      "Not quite, try again with the {adj} {noun}.",
      "Which workflow sends the {adj} {noun} to {name}?",
      "Can we move the meeting with {name} to {day}?",
      "Find me a hotel in {place} for the first week of {month}.",
      "What changed in the {noun} since {month}?",
      "Our database connection keeps dropping during the nightly {noun}.",
      "Summarize this thread in three bullet points.",
      "Does the {noun} still need approval from {name}?",
      "Translate the {adj} {noun} into Spanish and French.",
      "Who owns the {noun} for the {place} office?",
      "Run the {noun} workflow again with the {adj} settings.",
      "The pool of workers seems too small for the {noun} queue.");
  private static final List<String> ASSISTANT = List.of(
      "Sure, I {past} the {adj} {noun} and attached a short summary.",
      "The {noun} took {num} seconds, most of it spent waiting on the {noun}.",
      "It looks like the workflow failed because the {noun} was {adj}.",
      "I found {num} {noun}s matching your request; the most recent one is from {day}.",
      "Here is a short summary: the {noun} grew by {num} percent compared with {month}.",
      "You can {verb} the {noun} from the settings page, under {noun}s.",
      "The connection pool was exhausted, so new requests waited for a free connection.",
      "I increased the size of the connection pool to {num} and the timeouts stopped.",
      "The workflow will now run every {day} at {num} o'clock.",
      "I could not {verb} the {noun}: the {noun} returned an error.",
      "Let me know if you want me to {verb} the {noun} as well.",
      "First, {verb} the {noun}. Then {verb} the {noun}, and finally {verb} the {noun}.",
      "{name} approved the {noun} this morning.",
      "The {adj} {noun} is ready; I also {past} the {noun}.",
      "Each run of the workflow writes a {noun} and a {noun} to the shared folder.",
      "I moved the meeting with {name} to {day} and sent everyone a new invitation.",
      "There are {num} hotels near the center of {place}; three of them have free cancellation.",
      "The error comes from the {noun}: it rejects requests after {num} attempts.",
      "A new connection is opened for every request, which is slower than reusing one.",
      "I checked the logs and nothing unusual happened between {num} and {num} o'clock.",
      "The {adj} {noun} for {place} is attached, with the totals per {noun}.",
      "That {noun} belongs to {name}, who last {past} it in {month}.",
      "I paused the workflow until the {adj} {noun} is fixed.",
      "The swimming pool at the hotel in {place} is open until {num} in the evening.",
      "Your {noun} is {num} days overdue; I drafted a polite reminder for {name}.",
      "The workflow graph has {num} nodes; the {noun} node is the slowest.",
      "I compared both versions of the {noun} and only the {noun} section differs.");

  private final Random random;

  /** Text from a generator seeded with {@code seed}. */
  ChatText(long seed) {
    random = new Random(seed);
  }

  /** A user message: one or two sentences. */
  String userMessage() {
    return sentences(USER, 1 + random.nextInt(2));
  }

  /** An assistant message: two to five sentences. */
  String assistantMessage() {
    return sentences(ASSISTANT, 2 + random.nextInt(4));
  }

  /** A message that mentions {@link #RARE_WORD} among ordinary sentences. */
  String rareMessage() {
    return sentences(ASSISTANT, 1 + random.nextInt(2)) + " The photo from " + pick(PLACES)
        + " shows a " + RARE_WORD + " next to the " + pick(NOUNS) + ". " + sentences(ASSISTANT, 1);
  }

  /** A thread title: a few words from a user's request. */
  String title() {
    String title = capitalize(pick(ADJECTIVES)) + " " + pick(NOUNS) + " for " + pick(NAMES);
    return title.length() <= 20 ? title : title.substring(0, 20).strip();
  }

  private String sentences(List<String> templates, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(fill(pick(templates)));
    }
    return text.toString();
  }

  private String fill(String template) {
    StringBuilder out = new StringBuilder(template.length() + 40);
    int at = 0;
    while (true) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, at, open);
      out.append(switch (template.substring(open + 1, close)) {
        case "noun" -> pick(NOUNS);
        case "verb" -> pick(VERBS);
        case "past" -> pick(PAST);
        case "adj" -> pick(ADJECTIVES);
        case "name" -> pick(NAMES);
        case "day" -> pick(DAYS);
        case "month" -> pick(MONTHS);
        case "place" -> pick(PLACES);
        case "num" -> Integer.toString(2 + random.nextInt(498));
        default -> throw new IllegalStateException("Unknown slot in " + template);
      });
      at = close + 1;
    }
    // Sentences that start with a slot start with its word, capitalized.
    out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    return out.toString();
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
