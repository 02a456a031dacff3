package io.orcheo.persistence.jooq.history;

import static io.orcheo.persistence.jooq.generated.Tables.EXECUTION_HISTORY;
import static io.orcheo.persistence.jooq.generated.Tables.EXECUTION_HISTORY_STEPS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.HistoryStatus;
import io.orcheo.persistence.core.history.JsonValues;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryNotFoundException;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStep;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.generated.tables.records.ExecutionHistoryRecord;
import io.orcheo.persistence.jooq.generated.tables.records.ExecutionHistoryStepsRecord;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.runtime.ConcurrentUpdateException;
import io.orcheo.persistence.jooq.runtime.KeysetCursor;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * {@link RunHistoryStore} on SQLite or PostgreSQL, whichever the {@link Transactor}'s context speaks.
 *
 * <p>Appending a step locks the execution's row ({@link RowLocks}; SQLite's write lock on SQLite), takes the next
 * index and inserts; the primary key {@code (execution_id, step_index)} catches a writer that takes no lock, and the
 * transaction is then run again. Listing reads a page of rows, then all their steps in one more query.
 */
public final class JooqRunHistoryStore implements RunHistoryStore {
  private final Transactor db;
  private final Clock clock;

  /** Runs on {@code db}; {@code clock} gives the timestamps it writes. */
  public JooqRunHistoryStore(Transactor db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RunHistoryRecord startRun(StartRun request) {
    Objects.requireNonNull(request, "request");
    RunHistoryRecord record = request.toRecord(now());
    return db.inTransaction("start the history of execution " + record.executionId(), dsl -> {
      try {
        dsl.insertInto(EXECUTION_HISTORY)
            .set(EXECUTION_HISTORY.EXECUTION_ID, record.executionId())
            .set(EXECUTION_HISTORY.WORKFLOW_ID, record.workflowId())
            .set(EXECUTION_HISTORY.INPUTS, record.inputs())
            .set(EXECUTION_HISTORY.RUNNABLE_CONFIG, record.runnableConfig())
            .set(EXECUTION_HISTORY.TAGS, tags(record.tags()))
            .set(EXECUTION_HISTORY.CALLBACKS, record.callbacks())
            .set(EXECUTION_HISTORY.METADATA, record.metadata())
            .set(EXECUTION_HISTORY.RUN_NAME, record.runName())
            .set(EXECUTION_HISTORY.STATUS, record.status().value())
            .set(EXECUTION_HISTORY.STARTED_AT, record.startedAt())
            .set(EXECUTION_HISTORY.TRACE_ID, record.traceId())
            .set(EXECUTION_HISTORY.TRACE_STARTED_AT, record.traceStartedAt())
            .set(EXECUTION_HISTORY.TRACE_LAST_SPAN_AT, record.traceLastSpanAt())
            .execute();
      } catch (IntegrityConstraintViolationException e) {
        throw new ConflictException("History already exists for execution_id=" + record.executionId(), e);
      }
      return record;
    });
  }

  @Override
  public RunHistoryStep appendStep(String executionId, Object payload) {
    Objects.requireNonNull(executionId, "executionId");
    ObjectNode document = JsonValues.normalizeMapping(payload);
    JsonCodec.requireStorable(document);
    return db.inTransaction("append a step to execution " + executionId, dsl -> {
      RowLocks.forUpdate(dsl, dsl.select(EXECUTION_HISTORY.EXECUTION_ID).from(EXECUTION_HISTORY)
              .where(EXECUTION_HISTORY.EXECUTION_ID.eq(executionId)))
          .fetchOptional()
          .orElseThrow(() -> new RunHistoryNotFoundException(executionId));
      int next = dsl.select(coalesce(max(EXECUTION_HISTORY_STEPS.STEP_INDEX), inline(-1)))
          .from(EXECUTION_HISTORY_STEPS)
          .where(EXECUTION_HISTORY_STEPS.EXECUTION_ID.eq(executionId))
          .fetchSingle(Record1::value1) + 1;
      Instant at = now();
      try {
        dsl.insertInto(EXECUTION_HISTORY_STEPS)
            .set(EXECUTION_HISTORY_STEPS.EXECUTION_ID, executionId)
            .set(EXECUTION_HISTORY_STEPS.STEP_INDEX, next)
            .set(EXECUTION_HISTORY_STEPS.AT, at)
            .set(EXECUTION_HISTORY_STEPS.PAYLOAD, document)
            .execute();
      } catch (IntegrityConstraintViolationException e) {
        throw new ConcurrentUpdateException("step " + next + " of execution " + executionId + " was taken");
      }
      dsl.update(EXECUTION_HISTORY)
          .set(EXECUTION_HISTORY.TRACE_LAST_SPAN_AT, at)
          .where(EXECUTION_HISTORY.EXECUTION_ID.eq(executionId))
          .execute();
      return new RunHistoryStep(executionId, next, at, document);
    });
  }

  @Override
  public RunHistory markCompleted(String executionId) {
    return mark(executionId, HistoryStatus.COMPLETED, null);
  }

  @Override
  public RunHistory markFailed(String executionId, String error) {
    return mark(executionId, HistoryStatus.ERROR, error);
  }

  @Override
  public RunHistory markCancelled(String executionId, String reason) {
    return mark(executionId, HistoryStatus.CANCELLED, reason);
  }

  /** Upstream has no state machine: any status may follow any other, the last call wins. */
  private RunHistory mark(String executionId, HistoryStatus status, String error) {
    Objects.requireNonNull(executionId, "executionId");
    StorableText.require(error, status == HistoryStatus.CANCELLED ? "reason" : "error");
    return db.inTransaction("mark execution " + executionId + " " + status.value(), dsl -> {
      Instant now = now();
      int updated = dsl.update(EXECUTION_HISTORY)
          .set(EXECUTION_HISTORY.STATUS, status.value())
          .set(EXECUTION_HISTORY.COMPLETED_AT, now)
          .set(EXECUTION_HISTORY.ERROR, error)
          .set(EXECUTION_HISTORY.TRACE_COMPLETED_AT, now)
          .set(EXECUTION_HISTORY.TRACE_LAST_SPAN_AT, coalesce(EXECUTION_HISTORY.TRACE_LAST_SPAN_AT,
              val(now, EXECUTION_HISTORY.TRACE_LAST_SPAN_AT)))
          .where(EXECUTION_HISTORY.EXECUTION_ID.eq(executionId))
          .execute();
      if (updated == 0) {
        throw new RunHistoryNotFoundException(executionId);
      }
      return load(dsl, executionId);
    });
  }

  @Override
  public RunHistory getHistory(String executionId) {
    Objects.requireNonNull(executionId, "executionId");
    return db.read("get the history of execution " + executionId, dsl -> load(dsl, executionId));
  }

  @Override
  public RunHistoryRecord getRecord(String executionId) {
    Objects.requireNonNull(executionId, "executionId");
    return db.read("get the history record of execution " + executionId, dsl -> dsl.selectFrom(EXECUTION_HISTORY)
        .where(EXECUTION_HISTORY.EXECUTION_ID.eq(executionId))
        .fetchOptional(JooqRunHistoryStore::record)
        .orElseThrow(() -> new RunHistoryNotFoundException(executionId)));
  }

  @Override
  public List<RunHistoryStep> steps(String executionId, int afterIndex, int limit) {
    Objects.requireNonNull(executionId, "executionId");
    if (afterIndex < -1) {
      throw new ValidationException("afterIndex must be -1 (from the first step) or more, got " + afterIndex);
    }
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new ValidationException("limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
    }
    return db.read("read steps of execution " + executionId, dsl -> {
      requireExecution(dsl, executionId);
      return dsl.selectFrom(EXECUTION_HISTORY_STEPS)
          .where(EXECUTION_HISTORY_STEPS.EXECUTION_ID.eq(executionId))
          .and(EXECUTION_HISTORY_STEPS.STEP_INDEX.gt(afterIndex))
          .orderBy(EXECUTION_HISTORY_STEPS.STEP_INDEX)
          .limit(limit)
          .fetch(JooqRunHistoryStore::step);
    });
  }

  @Override
  public List<RunHistory> listHistories(String workflowId, Integer limit) {
    Objects.requireNonNull(workflowId, "workflowId");
    if (limit != null && limit < 0) {
      throw new ValidationException("limit must not be negative, got " + limit);
    }
    return db.read("list histories of workflow " + workflowId, dsl -> {
      var query = dsl.selectFrom(EXECUTION_HISTORY)
          .where(EXECUTION_HISTORY.WORKFLOW_ID.eq(workflowId))
          .orderBy(EXECUTION_HISTORY.STARTED_AT.desc(), EXECUTION_HISTORY.EXECUTION_ID.desc());
      List<RunHistoryRecord> records =
          (limit == null ? query.fetch() : query.limit(limit).fetch()).map(JooqRunHistoryStore::record);
      return withSteps(dsl, records);
    });
  }

  @Override
  public Page<RunHistory> listHistories(String workflowId, HistoryFilter filter, PageRequest page) {
    return db.read("list a page of histories of workflow " + workflowId, dsl -> {
      Page<RunHistoryRecord> records = recordPage(dsl, workflowId, filter, page);
      return new Page<>(withSteps(dsl, records.items()), records.nextCursor());
    });
  }

  @Override
  public Page<RunHistoryRecord> listHistoryRecords(String workflowId, HistoryFilter filter, PageRequest page) {
    return db.read("list a page of history records of workflow " + workflowId,
        dsl -> recordPage(dsl, workflowId, filter, page));
  }

  @Override
  public void clear() {
    db.inTransaction("clear run history", dsl -> {
      dsl.deleteFrom(EXECUTION_HISTORY_STEPS).execute();
      return dsl.deleteFrom(EXECUTION_HISTORY).execute();
    });
  }

  // --- Reading -----------------------------------------------------------------------------------------------

  private Page<RunHistoryRecord> recordPage(DSLContext dsl, String workflowId, HistoryFilter filter,
      PageRequest page) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    String scope = "histories of workflow " + workflowId + " where metadata contains "
        + (filter.metadataContains() == null ? "anything" : JsonCodec.canonical(filter.metadataContains()));
    Condition matches = filter.metadataContains() == null ? noCondition()
        : JsonPredicates.of(dsl).contains(EXECUTION_HISTORY.METADATA, filter.metadataContains());
    var ordered = dsl.selectFrom(EXECUTION_HISTORY)
        .where(EXECUTION_HISTORY.WORKFLOW_ID.eq(workflowId))
        .and(matches)
        .orderBy(EXECUTION_HISTORY.STARTED_AT.desc(), EXECUTION_HISTORY.EXECUTION_ID.desc());
    List<RunHistoryRecord> records;
    if (page.cursor() == null) {
      records = ordered.limit(page.limit() + 1).fetch(JooqRunHistoryStore::record);
    } else {
      List<String> after = KeysetCursor.decode(scope, page.cursor(), 2);
      records = ordered.seek(micros(after.get(0)), after.get(1)).limit(page.limit() + 1)
          .fetch(JooqRunHistoryStore::record);
    }
    if (records.size() <= page.limit()) {
      return new Page<>(records, null);
    }
    List<RunHistoryRecord> items = records.subList(0, page.limit());
    RunHistoryRecord last = items.get(items.size() - 1);
    return new Page<>(items, KeysetCursor.encode(scope,
        List.of(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.startedAt())), last.executionId())));
  }

  private static Instant micros(String value) {
    try {
      return Instant.EPOCH.plus(Long.parseLong(value), ChronoUnit.MICROS);
    } catch (NumberFormatException | ArithmeticException e) {
      throw KeysetCursor.malformed(e);
    }
  }

  private static RunHistory load(DSLContext dsl, String executionId) {
    RunHistoryRecord record = dsl.selectFrom(EXECUTION_HISTORY)
        .where(EXECUTION_HISTORY.EXECUTION_ID.eq(executionId))
        .fetchOptional(JooqRunHistoryStore::record)
        .orElseThrow(() -> new RunHistoryNotFoundException(executionId));
    return withSteps(dsl, List.of(record)).get(0);
  }

  private static void requireExecution(DSLContext dsl, String executionId) {
    if (!dsl.fetchExists(EXECUTION_HISTORY, EXECUTION_HISTORY.EXECUTION_ID.eq(executionId))) {
      throw new RunHistoryNotFoundException(executionId);
    }
  }

  /** The records with their steps, read in one query whatever their number. */
  private static List<RunHistory> withSteps(DSLContext dsl, List<RunHistoryRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Map<String, List<RunHistoryStep>> steps = new LinkedHashMap<>();
    records.forEach(r -> steps.put(r.executionId(), new ArrayList<>()));
    dsl.selectFrom(EXECUTION_HISTORY_STEPS)
        .where(EXECUTION_HISTORY_STEPS.EXECUTION_ID.in(steps.keySet()))
        .orderBy(EXECUTION_HISTORY_STEPS.EXECUTION_ID, EXECUTION_HISTORY_STEPS.STEP_INDEX)
        .forEach(row -> steps.get(row.getExecutionId()).add(step(row)));
    return records.stream().map(r -> new RunHistory(r, steps.get(r.executionId()))).toList();
  }

  private static RunHistoryStep step(ExecutionHistoryStepsRecord row) {
    return new RunHistoryStep(row.getExecutionId(), row.getStepIndex(), row.getAt(), object(row.getPayload()));
  }

  /** A row; JSON columns an upgraded upstream file left NULL read as their defaults. */
  private static RunHistoryRecord record(ExecutionHistoryRecord row) {
    JsonNode callbacks = row.getCallbacks();
    List<String> tags = new ArrayList<>();
    if (row.getTags() != null) {
      row.getTags().forEach(tag -> tags.add(tag.isTextual() ? tag.textValue() : tag.toString()));
    }
    return new RunHistoryRecord(
        row.getExecutionId(),
        row.getWorkflowId(),
        object(row.getInputs()),
        object(row.getRunnableConfig()),
        tags,
        callbacks == null || callbacks.isNull() ? null
            : callbacks.isArray() ? (ArrayNode) callbacks : JsonNodeFactory.instance.arrayNode().add(callbacks),
        object(row.getMetadata()),
        row.getRunName(),
        HistoryStatus.fromValue(row.getStatus()),
        row.getStartedAt(),
        row.getCompletedAt(),
        row.getError(),
        row.getTraceId(),
        row.getTraceStartedAt(),
        row.getTraceCompletedAt(),
        row.getTraceLastSpanAt());
  }

  private static ObjectNode object(JsonNode value) {
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return value.isObject() ? (ObjectNode) value : JsonValues.normalizeMapping(value);
  }

  private static ArrayNode tags(List<String> tags) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    tags.forEach(array::add);
    return array;
  }

  private Instant now() {
    return UpstreamTimestamps.normalize(clock.instant());
  }
}
