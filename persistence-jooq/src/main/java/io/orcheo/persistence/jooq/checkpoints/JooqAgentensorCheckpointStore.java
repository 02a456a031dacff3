package io.orcheo.persistence.jooq.checkpoints;

import static io.orcheo.persistence.jooq.generated.Tables.AGENTENSOR_CHECKPOINTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointNotFoundException;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.generated.tables.records.AgentensorCheckpointsRecord;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.runtime.KeysetCursor;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSeekStep2;

/**
 * {@link AgentensorCheckpointStore} on SQLite or PostgreSQL, whichever the {@link Transactor}'s context speaks.
 *
 * <p>Recording takes a lock on the workflow's checkpoints first ({@link RowLocks#lockKey}; SQLite's write lock on
 * SQLite), so the automatic version and the single best are decided by one writer at a time, across processes.
 */
public final class JooqAgentensorCheckpointStore implements AgentensorCheckpointStore {
  private final Transactor db;
  private final Clock clock;

  /** Runs on {@code db}; {@code clock} gives the timestamps it writes. */
  public JooqAgentensorCheckpointStore(Transactor db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AgentensorCheckpoint recordCheckpoint(NewCheckpoint request) {
    Objects.requireNonNull(request, "request");
    String id = UUID.randomUUID().toString();
    Instant now = UpstreamTimestamps.normalize(clock.instant());
    return db.inTransaction("record a checkpoint of workflow " + request.workflowId(), dsl -> {
      RowLocks.lockKey(dsl, "agentensor_checkpoints:" + request.workflowId());
      int version = request.configVersion() != null ? request.configVersion()
          : dsl.select(coalesce(max(AGENTENSOR_CHECKPOINTS.CONFIG_VERSION), inline(0)))
              .from(AGENTENSOR_CHECKPOINTS)
              .where(AGENTENSOR_CHECKPOINTS.WORKFLOW_ID.eq(request.workflowId()))
              .fetchSingle(Record1::value1) + 1;
      AgentensorCheckpoint checkpoint = request.toCheckpoint(id, version, now);
      dsl.insertInto(AGENTENSOR_CHECKPOINTS)
          .set(AGENTENSOR_CHECKPOINTS.ID, checkpoint.id())
          .set(AGENTENSOR_CHECKPOINTS.WORKFLOW_ID, checkpoint.workflowId())
          .set(AGENTENSOR_CHECKPOINTS.CONFIG_VERSION, checkpoint.configVersion())
          .set(AGENTENSOR_CHECKPOINTS.RUNNABLE_CONFIG, checkpoint.runnableConfig())
          .set(AGENTENSOR_CHECKPOINTS.METRICS, checkpoint.metrics())
          .set(AGENTENSOR_CHECKPOINTS.METADATA, checkpoint.metadata())
          .set(AGENTENSOR_CHECKPOINTS.ARTIFACT_URL, checkpoint.artifactUrl())
          .set(AGENTENSOR_CHECKPOINTS.IS_BEST, checkpoint.isBest())
          .set(AGENTENSOR_CHECKPOINTS.CREATED_AT, checkpoint.createdAt())
          .execute();
      if (checkpoint.isBest()) {
        dsl.update(AGENTENSOR_CHECKPOINTS)
            .set(AGENTENSOR_CHECKPOINTS.IS_BEST, false)
            .where(AGENTENSOR_CHECKPOINTS.WORKFLOW_ID.eq(checkpoint.workflowId()))
            .and(AGENTENSOR_CHECKPOINTS.IS_BEST.eq(true))
            .and(AGENTENSOR_CHECKPOINTS.ID.ne(checkpoint.id()))
            .execute();
      }
      return checkpoint;
    });
  }

  @Override
  public List<AgentensorCheckpoint> listCheckpoints(String workflowId, Integer limit) {
    Objects.requireNonNull(workflowId, "workflowId");
    if (limit != null && limit < 0) {
      throw new ValidationException("limit must not be negative, got " + limit);
    }
    return db.read("list checkpoints of workflow " + workflowId, dsl -> {
      var query = byVersion(dsl.selectFrom(AGENTENSOR_CHECKPOINTS)
          .where(AGENTENSOR_CHECKPOINTS.WORKFLOW_ID.eq(workflowId)));
      return (limit == null ? query.fetch() : query.limit(limit).fetch()).map(JooqAgentensorCheckpointStore::checkpoint);
    });
  }

  @Override
  public AgentensorCheckpoint getCheckpoint(String id) {
    Objects.requireNonNull(id, "id");
    return db.read("get checkpoint " + id, dsl -> dsl.selectFrom(AGENTENSOR_CHECKPOINTS)
            .where(AGENTENSOR_CHECKPOINTS.ID.eq(id))
            .fetchOptional(JooqAgentensorCheckpointStore::checkpoint))
        .orElseThrow(() -> new AgentensorCheckpointNotFoundException(id));
  }

  @Override
  public Optional<AgentensorCheckpoint> latestCheckpoint(String workflowId) {
    return listCheckpoints(workflowId, 1).stream().findFirst();
  }

  @Override
  public Optional<AgentensorCheckpoint> bestCheckpoint(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get the best checkpoint of workflow " + workflowId, dsl -> byVersion(
            dsl.selectFrom(AGENTENSOR_CHECKPOINTS)
                .where(AGENTENSOR_CHECKPOINTS.WORKFLOW_ID.eq(workflowId))
                .and(AGENTENSOR_CHECKPOINTS.IS_BEST.eq(true)))
        .limit(inline(1))
        .fetchOptional(JooqAgentensorCheckpointStore::checkpoint));
  }

  @Override
  public Page<AgentensorCheckpoint> findCheckpoints(String workflowId, CheckpointQuery query, PageRequest page) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(page, "page");
    // Equal filters written with their keys in another order must accept each other's cursors.
    String scope = "checkpoints of workflow " + workflowId + " where " + query.withMetadataContaining(null)
        + " and metadata contains "
        + (query.metadataContains() == null ? "anything" : JsonCodec.canonical(query.metadataContains()));
    return db.read("find checkpoints of workflow " + workflowId, dsl -> {
      JsonPredicates json = JsonPredicates.of(dsl);
      Condition matches = AGENTENSOR_CHECKPOINTS.WORKFLOW_ID.eq(workflowId)
          .and(query.metadataContains() == null ? noCondition()
              : json.contains(AGENTENSOR_CHECKPOINTS.METADATA, query.metadataContains()));
      List<AgentensorCheckpoint> rows;
      if (query.metric() == null) {
        var ordered = byVersion(dsl.selectFrom(AGENTENSOR_CHECKPOINTS).where(matches));
        if (page.cursor() == null) {
          rows = ordered.limit(page.limit() + 1).fetch(JooqAgentensorCheckpointStore::checkpoint);
        } else {
          List<String> after = KeysetCursor.decode(scope, page.cursor(), 2);
          rows = ordered.seek(integer(after.get(0)), after.get(1)).limit(page.limit() + 1)
              .fetch(JooqAgentensorCheckpointStore::checkpoint);
        }
        return page(rows, page, scope, c -> Integer.toString(c.configVersion()));
      }
      Field<Double> metric = json.number(AGENTENSOR_CHECKPOINTS.METRICS, query.metric());
      Condition bounded = metric.isNotNull()
          .and(query.min() == null ? noCondition() : metric.ge(query.min()))
          .and(query.max() == null ? noCondition() : metric.le(query.max()));
      var select = dsl.select(AGENTENSOR_CHECKPOINTS.asterisk()).from(AGENTENSOR_CHECKPOINTS).where(matches)
          .and(bounded);
      var ordered = query.ascending()
          ? select.orderBy(metric.asc(), AGENTENSOR_CHECKPOINTS.ID.asc())
          : select.orderBy(metric.desc(), AGENTENSOR_CHECKPOINTS.ID.desc());
      if (page.cursor() == null) {
        rows = ordered.limit(page.limit() + 1).fetch(r -> checkpoint(r.into(AGENTENSOR_CHECKPOINTS)));
      } else {
        List<String> after = KeysetCursor.decode(scope, page.cursor(), 2);
        rows = ordered.seek(number(after.get(0)), after.get(1)).limit(page.limit() + 1)
            .fetch(r -> checkpoint(r.into(AGENTENSOR_CHECKPOINTS)));
      }
      return page(rows, page, scope, c -> Double.toString(c.metrics().path(query.metric()).doubleValue()));
    });
  }

  private static Page<AgentensorCheckpoint> page(List<AgentensorCheckpoint> rows, PageRequest page, String scope,
      Function<AgentensorCheckpoint, String> sortKey) {
    if (rows.size() <= page.limit()) {
      return new Page<>(rows, null);
    }
    List<AgentensorCheckpoint> items = rows.subList(0, page.limit());
    AgentensorCheckpoint last = items.get(items.size() - 1);
    return new Page<>(items, KeysetCursor.encode(scope, List.of(sortKey.apply(last), last.id())));
  }

  /** Upstream's order: highest version first; the id breaks ties, so pages are stable under duplicate versions. */
  private static <R extends Record> SelectSeekStep2<R, Integer, String> byVersion(
      SelectConditionStep<R> select) {
    return select.orderBy(AGENTENSOR_CHECKPOINTS.CONFIG_VERSION.desc(), AGENTENSOR_CHECKPOINTS.ID.desc());
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw KeysetCursor.malformed(e);
    }
  }

  private static double number(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw KeysetCursor.malformed(e);
    }
  }

  private static AgentensorCheckpoint checkpoint(AgentensorCheckpointsRecord row) {
    return new AgentensorCheckpoint(row.getId(), row.getWorkflowId(), row.getConfigVersion(),
        object(row.getRunnableConfig()), object(row.getMetrics()), object(row.getMetadata()), row.getArtifactUrl(),
        Boolean.TRUE.equals(row.getIsBest()), row.getCreatedAt());
  }

  /** A JSON column as an object; anything else (a NULL an upstream file may hold) reads as {@code {}}. */
  private static ObjectNode object(JsonNode node) {
    return node != null && node.isObject() ? (ObjectNode) node : null;
  }
}
