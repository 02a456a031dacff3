package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.NotFoundException;

/** The workflow has no cron trigger configured. */
public class CronTriggerNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller. */
  public CronTriggerNotFoundException(String message) {
    super(message);
  }
}
