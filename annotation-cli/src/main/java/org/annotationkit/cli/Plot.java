package org.annotationkit.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.annotationkit.activelearning.loop.Comparison;
import org.annotationkit.activelearning.loop.Curve;

/** A small SVG line plot of each strategy's mean learning curve over its seeds. */
final class Plot {
  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"
  };
  private static final int W = 640;
  private static final int H = 400;
  private static final int M = 50;

  private Plot() {}

  static String svg(Comparison result) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = 1;
    double maxY = 0;
    for (Map<Long, Curve> bySeed : result.curves().values()) {
      for (Curve c : bySeed.values()) {
        for (int i = 0; i < c.labels().size(); i++) {
          minX = Math.min(minX, c.labels().get(i));
          maxX = Math.max(maxX, c.labels().get(i));
          minY = Math.min(minY, c.accuracy().get(i));
          maxY = Math.max(maxY, c.accuracy().get(i));
        }
      }
    }
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    if (maxY <= minY) {
      maxY = minY + 0.01;
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            W,
            H));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
            M,
            M / 2,
            W - 2 * M,
            H - M - M / 2));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">labels %.0f to %.0f</text>%n"
                + "<text x=\"4\" y=\"%d\">accuracy %.3f to %.3f</text>%n",
            M,
            H - 10,
            minX,
            maxX,
            M / 2 - 6,
            minY,
            maxY));
    int index = 0;
    for (Map.Entry<String, Map<Long, Curve>> e : result.curves().entrySet()) {
      List<Curve> curves = List.copyOf(e.getValue().values());
      int points = curves.get(0).labels().size();
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < points; i++) {
        double x = 0;
        double y = 0;
        for (Curve c : curves) {
          x += c.labels().get(i);
          y += c.accuracy().get(i);
        }
        x /= curves.size();
        y /= curves.size();
        double px = M + (x - minX) / (maxX - minX) * (W - 2 * M);
        double py = H - M - (y - minY) / (maxY - minY) * (H - M - M / 2.0);
        path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
      }
      String colour = COLOURS[index % COLOURS.length];
      s.append(
          String.format(
              Locale.ROOT,
              "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              path,
              colour));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s (AUC %.4f)</text>%n",
              W - M - 180,
              H - M - 10 - 16 * index,
              colour,
              escape(e.getKey()),
              result.meanAuc().get(e.getKey())));
      index++;
    }
    return s.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
