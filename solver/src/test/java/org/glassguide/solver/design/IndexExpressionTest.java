package org.glassguide.solver.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexExpressionTest {
    @Test
    void evaluatesWithUnitsPrecedenceAndFunctions() {
        IndexExpression e = IndexExpression.parse("1.45 + 0.01 * exp(-(x^2 + y^2) / (5 um)^2)");
        assertEquals(1.46, e.eval(0, 0, 0), 1e-15);
        assertEquals(1.45 + 0.01 * Math.exp(-1), e.eval(3e-6, 4e-6, 0), 1e-15);
        assertFalse(e.dependsOnZ());
        assertEquals(-8, IndexExpression.parse("-2^3").eval(0, 0, 0), 0);
        assertEquals(2.0 / 3 * 4, IndexExpression.parse("2 / 3 * 4").eval(0, 0, 0), 1e-15);
        assertEquals(512, IndexExpression.parse("2^3^2").eval(0, 0, 0), 0, "right-associative");
        IndexExpression z = IndexExpression.parse("1.5 + 0.1 * step(z - 1 mm) + min(x, 2e-3) - max(abs(y), 0) + 0 * pi");
        assertTrue(z.dependsOnZ());
        assertEquals(1.5, z.eval(0, 0, 0.5e-3), 1e-15);
        assertEquals(1.55, z.eval(0, 0, 1e-3), 1e-15);
        assertEquals(1.6 + 1e-3 - 2e-6, z.eval(1e-3, -2e-6, 2e-3), 1e-15);
        assertEquals(Math.tanh(0.5) + Math.sqrt(2) + Math.log(3) + Math.cos(1) + Math.sin(1) + Math.tan(0.2),
                IndexExpression.parse("tanh(0.5) + sqrt(2) + log(3) + cos(1) + sin(1) + tan(0.2)").eval(0, 0, 0), 1e-15);
        assertEquals(2.5e-7, IndexExpression.parse("250 nm").eval(0, 0, 0), 1e-22);
        assertEquals(1.5e-5, IndexExpression.parse("1.5e1um").eval(0, 0, 0), 1e-20);
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        IndexExpression.SyntaxError e = assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("1.45 + * x"));
        assertTrue(e.getMessage().contains("column 8"), e.getMessage());
        assertTrue(assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("foo(x)")).getMessage().contains("unknown function"));
        assertTrue(assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("1 + q")).getMessage().contains("unknown name"));
        assertTrue(assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("(1 + x")).getMessage().contains("')' expected"));
        assertTrue(assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("min(x)")).getMessage().contains("two arguments"));
        assertThrows(IndexExpression.SyntaxError.class, () -> IndexExpression.parse("1 2"));
    }
}
