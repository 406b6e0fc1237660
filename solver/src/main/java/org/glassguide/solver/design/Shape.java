package org.glassguide.solver.design;

/** A region of the cross-section plane (coordinates in metres). */
public interface Shape {
    boolean contains(double x, double y);

    /** Axis-aligned rectangle given by its centre and size. */
    record Rectangle(double cx, double cy, double width, double height) implements Shape {
        public Rectangle {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("rectangle needs positive width and height");
            }
        }

        @Override
        public boolean contains(double x, double y) {
            return Math.abs(x - cx) <= 0.5 * width && Math.abs(y - cy) <= 0.5 * height;
        }
    }

    /** A layer across the whole width of the plane between two heights (a slab, a substrate, a cover). */
    record Slab(double y0, double y1) implements Shape {
        public Slab {
            if (!(y1 > y0)) {
                throw new IllegalArgumentException("slab needs y1 > y0");
            }
        }

        @Override
        public boolean contains(double x, double y) {
            return y >= y0 && y <= y1;
        }
    }

    /** Disc given by its centre and radius. */
    record Circle(double cx, double cy, double radius) implements Shape {
        public Circle {
            if (!(radius > 0)) {
                throw new IllegalArgumentException("circle needs a positive radius");
            }
        }

        @Override
        public boolean contains(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return dx * dx + dy * dy <= radius * radius;
        }
    }

    /** Simple polygon (vertices in order), even-odd rule. */
    record Polygon(double[] xs, double[] ys) implements Shape {
        public Polygon {
            if (xs.length < 3 || xs.length != ys.length) {
                throw new IllegalArgumentException("polygon needs at least 3 vertices with x and y");
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        @Override
        public boolean contains(double x, double y) {
            boolean in = false;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                    in = !in;
                }
            }
            return in;
        }
    }
}
