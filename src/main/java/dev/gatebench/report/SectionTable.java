package dev.gatebench.report;

import java.util.Arrays;
import java.util.List;

/**
 * A titled table after the per-suite tables, in Markdown and HTML: the first column names the row, the
 * others are numbers or words. Empty output without rows.
 */
record SectionTable(String title, String note, String[] headers, List<String[]> rows) {
  SectionTable {
    rows = List.copyOf(rows);
  }

  String markdown() {
    if (rows.isEmpty()) return "";
    return "\n## " + title + "\n\n" + note + "\n\n" + markdownTable(headers, rows);
  }

  String html() {
    if (rows.isEmpty()) return "";
    return "<h2>" + Format.html(title) + "</h2>\n<p class=\"note\">" + Format.html(note) + "</p>\n"
        + htmlTable(headers, rows);
  }

  /** A Markdown table: the first and last columns left-aligned, those between right-aligned (numbers). */
  static String markdownTable(String[] headers, List<String[]> rows) {
    StringBuilder md = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|---|")
        .append("---:|".repeat(Math.max(0, headers.length - 2))).append(headers.length > 1 ? "---|\n" : "\n");
    rows.forEach(r -> md.append("| ").append(String.join(" | ", Arrays.stream(r).map(Format::cell).toList()))
        .append(" |\n"));
    return md.toString();
  }

  /** An HTML table whose first column names the row. */
  static String htmlTable(String[] headers, List<String[]> rows) {
    StringBuilder t = new StringBuilder("<table>\n<tr>");
    for (String h : headers) t.append("<th>").append(Format.html(h)).append("</th>");
    t.append("</tr>\n");
    for (String[] r : rows) {
      t.append("<tr><td class=\"name\">").append(Format.html(r[0])).append("</td>");
      for (int i = 1; i < r.length; i++) t.append("<td>").append(Format.html(r[i])).append("</td>");
      t.append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }
}
