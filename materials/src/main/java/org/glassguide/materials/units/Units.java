package org.glassguide.materials.units;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * Parses quantities written with their unit ("150 um", "0.72 dB/cm", "595 K") into SI values.
 * Units live only at the edges: everything returned here is SI (m, m^-1 power attenuation, K, s, Pa s).
 */
public final class Units {
    /** 10·log10(e): converts a power attenuation coefficient in 1/m to dB/m. */
    public static final double DB_PER_NEPER_POWER = 10.0 / Math.log(10.0);

    private static final Pattern QUANTITY =
            Pattern.compile("^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*$");

    private static final Map<String, Double> LENGTH = new LinkedHashMap<>();
    private static final Map<String, Double> ATTENUATION = new LinkedHashMap<>();
    private static final Map<String, Double> TIME = new LinkedHashMap<>();
    private static final Map<String, Double> PRESSURE_TIME = new LinkedHashMap<>();
    private static final Map<String, Double> PRESSURE = new LinkedHashMap<>();
    private static final Map<String, Double> SPEED = new LinkedHashMap<>();
    private static final Map<String, Double> POWER = new LinkedHashMap<>();
    private static final Map<String, Double> AREA = new LinkedHashMap<>();
    private static final Map<String, Double> DENSITY = new LinkedHashMap<>();
    private static final Map<String, Double> MOLAR_ENERGY = new LinkedHashMap<>();
    private static final Map<String, Double> DIFFUSIVITY = new LinkedHashMap<>();

    static {
        LENGTH.put("m", 1.0);
        LENGTH.put("mm", 1e-3);
        LENGTH.put("cm", 1e-2);
        LENGTH.put("um", 1e-6);
        LENGTH.put("µm", 1e-6);
        LENGTH.put("μm", 1e-6);
        LENGTH.put("micron", 1e-6);
        LENGTH.put("nm", 1e-9);
        LENGTH.put("pm", 1e-12);
        LENGTH.put("km", 1e3);
        // dB per length -> power attenuation coefficient alpha [1/m]
        ATTENUATION.put("dB/m", 1.0 / DB_PER_NEPER_POWER);
        ATTENUATION.put("dB/cm", 100.0 / DB_PER_NEPER_POWER);
        ATTENUATION.put("dB/mm", 1000.0 / DB_PER_NEPER_POWER);
        ATTENUATION.put("dB/km", 1e-3 / DB_PER_NEPER_POWER);
        ATTENUATION.put("1/m", 1.0);
        ATTENUATION.put("1/cm", 100.0);
        ATTENUATION.put("1/mm", 1000.0);
        TIME.put("s", 1.0);
        TIME.put("ms", 1e-3);
        TIME.put("us", 1e-6);
        TIME.put("µs", 1e-6);
        TIME.put("ns", 1e-9);
        TIME.put("min", 60.0);
        TIME.put("h", 3600.0);
        PRESSURE_TIME.put("Pa s", 1.0);
        PRESSURE_TIME.put("Pa·s", 1.0);
        PRESSURE_TIME.put("Pa*s", 1.0);
        PRESSURE_TIME.put("P", 0.1);
        SPEED.put("m/s", 1.0);
        SPEED.put("mm/s", 1e-3);
        SPEED.put("um/s", 1e-6);
        SPEED.put("m/min", 1.0 / 60);
        SPEED.put("cm/min", 1e-2 / 60);
        SPEED.put("mm/min", 1e-3 / 60);
        POWER.put("W", 1.0);
        POWER.put("mW", 1e-3);
        POWER.put("uW", 1e-6);
        POWER.put("µW", 1e-6);
        POWER.put("nW", 1e-9);
        POWER.put("kW", 1e3);
        AREA.put("m2", 1.0);
        AREA.put("m^2", 1.0);
        AREA.put("cm2", 1e-4);
        AREA.put("cm^2", 1e-4);
        AREA.put("pm2", 1e-24);
        AREA.put("pm^2", 1e-24);
        DENSITY.put("m^-3", 1.0);
        DENSITY.put("1/m3", 1.0);
        DENSITY.put("/m3", 1.0);
        DENSITY.put("cm^-3", 1e6);
        DENSITY.put("1/cm3", 1e6);
        DENSITY.put("/cm3", 1e6);
        MOLAR_ENERGY.put("J/mol", 1.0);
        MOLAR_ENERGY.put("kJ/mol", 1e3);
        MOLAR_ENERGY.put("kcal/mol", 4184.0);
        // one electronvolt per particle, times Avogadro's number
        MOLAR_ENERGY.put("eV", 96485.33212);
        DIFFUSIVITY.put("m^2/s", 1.0);
        DIFFUSIVITY.put("m2/s", 1.0);
        DIFFUSIVITY.put("cm^2/s", 1e-4);
        DIFFUSIVITY.put("cm2/s", 1e-4);
        DIFFUSIVITY.put("um^2/s", 1e-12);
        DIFFUSIVITY.put("um2/s", 1e-12);
        PRESSURE.put("Pa", 1.0);
        PRESSURE.put("kPa", 1e3);
        PRESSURE.put("MPa", 1e6);
        PRESSURE.put("GPa", 1e9);
    }

    private Units() {
    }

    /** A length such as "150 um" or "0.68 mm", in metres. */
    public static double length(String field, String text) {
        return parse(field, text, LENGTH, "length", "150 um");
    }

    /** A wavelength such as "589 nm" or "1.55 um", in metres; must be positive. */
    /** The wavelengths GlassGuide accepts anywhere, m: from the extreme ultraviolet to the far infrared. */
    public static final double MIN_WAVELENGTH = 1e-9;
    public static final double MAX_WAVELENGTH = 1e-3;

    public static double wavelength(String field, String text) {
        double v = parse(field, text, LENGTH, "wavelength", "589 nm");
        if (!(v > 0)) {
            throw new GlassGuideException(Messages.NOT_POSITIVE, field, text);
        }
        if (v < MIN_WAVELENGTH || v > MAX_WAVELENGTH) {
            // far outside optics: a typo of unit or exponent, and a value that overflows the solvers' arithmetic
            throw new GlassGuideException(Messages.OUT_OF_RANGE, field, text, "a wavelength from 1 nm to 1 mm");
        }
        return v;
    }

    /** An attenuation such as "0.72 dB/cm", as a power attenuation coefficient alpha in 1/m. */
    public static double attenuation(String field, String text) {
        return parse(field, text, ATTENUATION, "attenuation", "0.72 dB/cm");
    }

    /** A time such as "0.63 s", in seconds. */
    public static double time(String field, String text) {
        return parse(field, text, TIME, "time", "0.63 s");
    }

    /** A dynamic viscosity such as "1e5 Pa s", in Pa s. */
    public static double viscosity(String field, String text) {
        return parse(field, text, PRESSURE_TIME, "viscosity", "1e5 Pa s");
    }

    /** A speed such as "2 mm/min" or "10 m/min", in m/s. */
    public static double speed(String field, String text) {
        return parse(field, text, SPEED, "speed", "10 m/min");
    }

    /** A pressure or modulus such as "9.73 GPa", in Pa. */
    public static double pressure(String field, String text) {
        return parse(field, text, PRESSURE, "pressure", "9.73 GPa");
    }

    /** An optical power such as "0.4 W", "300 mW" or "10 dBm", in watts. */
    public static double power(String field, String text) {
        Matcher m = match(field, text, "power", "0.4 W");
        if (m.group(2).equals("dBm")) {
            return 1e-3 * Math.pow(10, Double.parseDouble(m.group(1)) / 10);
        }
        return parse(field, text, POWER, "power", "0.4 W");
    }

    /** An activation energy such as "20 kJ/mol" or "0.2 eV" (per particle), in J/mol. */
    public static double molarEnergy(String field, String text) {
        return parse(field, text, MOLAR_ENERGY, "activation energy", "20 kJ/mol");
    }

    /** A diffusion coefficient such as "1e-11 m^2/s" or "1e-7 cm^2/s", in m^2/s. */
    public static double diffusivity(String field, String text) {
        return parse(field, text, DIFFUSIVITY, "diffusion coefficient", "1e-11 m^2/s");
    }

    /** A cross section such as "2.6e-24 m2" or "2.6e-20 cm2", in m^2. */
    public static double area(String field, String text) {
        return parse(field, text, AREA, "cross section", "2.6e-20 cm2");
    }

    /** A number density such as "3e25 m^-3" or "1e20 cm^-3", in 1/m^3. */
    public static double density(String field, String text) {
        return parse(field, text, DENSITY, "ion concentration", "3e25 m^-3");
    }

    /** A temperature such as "595 K" or "322 C" / "322 °C", in kelvin. */
    public static double temperature(String field, String text) {
        Matcher m = match(field, text, "temperature", "595 K");
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2).replace("°", "").trim();
        switch (unit) {
            case "K":
                return v;
            case "C":
                return v + 273.15;
            default:
                throw new GlassGuideException(Messages.BAD_UNIT, field, text, m.group(2), "K, °C");
        }
    }

    /** A plain dimensionless number, e.g. "0.057" or "5.7 %" (percent divided by 100). */
    public static double fraction(String field, String text) {
        Matcher m = match(field, text, "fraction", "0.7 or 70 %");
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return v;
        }
        if (unit.equals("%")) {
            return v / 100.0;
        }
        throw new GlassGuideException(Messages.BAD_UNIT, field, text, unit, "none, %");
    }

    /** Formats a wavelength in metres as nanometres, for messages and reports. */
    public static String nm(double metres) {
        return trim(String.format(Locale.ROOT, "%.4f", metres * 1e9));
    }

    public static String trim(String s) {
        if (s.contains(".") && !s.contains("e") && !s.contains("E")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    private static double parse(String field, String text, Map<String, Double> units, String what, String example) {
        Matcher m = match(field, text, what, example);
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2).replaceAll("\\s+", " ");
        Double factor = units.get(unit);
        if (factor == null) {
            if (unit.isEmpty()) {
                throw new GlassGuideException(Messages.BAD_QUANTITY, field, text, what, example);
            }
            throw new GlassGuideException(Messages.BAD_UNIT, field, text, unit, String.join(", ", units.keySet()));
        }
        // exact powers of ten are applied in decimal, so "680 um" is exactly the double nearest 6.8e-4
        int e = (int) Math.round(Math.log10(factor));
        double si = Math.pow(10, e) == factor
                ? new java.math.BigDecimal(m.group(1)).scaleByPowerOfTen(e).doubleValue() : v * factor;
        if (!Double.isFinite(si)) {
            throw new GlassGuideException(Messages.BAD_QUANTITY, field, text, what, example);
        }
        return si;
    }

    private static Matcher match(String field, String text, String what, String example) {
        if (text == null) {
            throw new GlassGuideException(Messages.BAD_QUANTITY, field, "nothing", what, example);
        }
        String t = text.trim();
        Matcher m = QUANTITY.matcher(t);
        if (!m.matches()) {
            throw new GlassGuideException(Messages.BAD_QUANTITY, field, text, what, example);
        }
        // "150um" and "150 um" are both accepted
        return m;
    }
}
