package io.orcheo.persistence.core.workflows;

import java.util.List;

/**
 * The difference between two versions' graphs, as upstream computes it: each graph pretty-printed as Python's
 * {@code json.dumps(indent=2, sort_keys=True)}, then a unified diff ({@code --- v<base>}, {@code +++ v<target>},
 * three lines of context, no line terminators). Byte-identical to upstream's output.
 *
 * @param baseVersion the number diffed from
 * @param targetVersion the number diffed to
 * @param diff the diff's lines; empty when the graphs are equal
 */
public record VersionDiff(int baseVersion, int targetVersion, List<String> diff) {
  public VersionDiff {
    diff = List.copyOf(diff);
  }
}
