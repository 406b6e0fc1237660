package org.glassguide.validation;

/** One checked quantity: reference, computed value, absolute error, tolerance and verdict. */
public record ValidationRow(String caseId, String quantity, double reference, double computed, double tolerance,
        String source) {
    public double error() {
        return Math.abs(computed - reference);
    }

    public boolean passed() {
        return Double.isFinite(computed) && error() <= tolerance;
    }
}
