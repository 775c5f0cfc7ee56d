package dev.gatebench.threshold;

import java.util.Arrays;
import java.util.Optional;

/** k6's threshold comparison operators. A NaN measurement satisfies none of them. */
public enum Operator {
  LESS_THAN("<"),
  LESS_OR_EQUAL("<="),
  GREATER_THAN(">"),
  GREATER_OR_EQUAL(">="),
  EQUAL("=="),
  STRICT_EQUAL("==="),
  NOT_EQUAL("!=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** As written in a k6 expression, e.g. {@code <=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code measured <op> bound} holds; false when {@code measured} is NaN (no data). */
  public boolean holds(double measured, double bound) {
    if (Double.isNaN(measured)) return false;
    return switch (this) {
      case LESS_THAN -> measured < bound;
      case LESS_OR_EQUAL -> measured <= bound;
      case GREATER_THAN -> measured > bound;
      case GREATER_OR_EQUAL -> measured >= bound;
      case EQUAL, STRICT_EQUAL -> measured == bound;
      case NOT_EQUAL -> measured != bound;
    };
  }

  /** The operator whose symbol is {@code symbol} exactly. */
  static Optional<Operator> ofSymbol(String symbol) {
    return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
  }
}
