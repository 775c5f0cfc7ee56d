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
    StringBuilder md = new StringBuilder("\n## ").append(title).append("\n\n").append(note).append("\n\n| ")
        .append(String.join(" | ", headers)).append(" |\n|---|").append("---:|".repeat(headers.length - 2))
        .append("---|\n");
    rows.forEach(r -> md.append("| ").append(String.join(" | ", Arrays.stream(r).map(Format::cell).toList()))
        .append(" |\n"));
    return md.toString();
  }

  String html() {
    if (rows.isEmpty()) return "";
    StringBuilder t = new StringBuilder("<h2>").append(Format.html(title)).append("</h2>\n<p class=\"note\">")
        .append(Format.html(note)).append("</p>\n<table>\n<tr>");
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
