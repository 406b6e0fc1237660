package org.glassguide.materials;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.materials.source.Provenance;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.thermal.ViscosityModel;
import org.glassguide.materials.units.Units;

/**
 * A glass or medium: refractive index model, optional bulk attenuation, thermal data, luminescence and rare-earth gain data,
 * each with provenance. Immutable.
 *
 * @param origin where the definition came from ("catalog", a file path, "inline in design.yaml")
 */
public record Material(String name, List<String> aliases, String description, RefractiveIndexModel index,
        Provenance indexProvenance, AttenuationModel attenuation, Provenance attenuationProvenance,
        Map<String, SourcedValue> thermal, Luminescence luminescence, String origin, ViscosityModel viscosity,
        Provenance viscosityProvenance, GainSpectroscopy gain) {

    /** Thermal property keys, each a {@link SourcedValue} in SI (K, Pa s) or dimensionless. */
    public static final List<String> THERMAL_KEYS = List.of("glassTransition", "melting", "softening",
            "fragility", "viscosityAtMelting", "processingWindow", "youngsModulus", "stableGlassUpTo", "expansion");

    public Material {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(indexProvenance, "indexProvenance");
        aliases = List.copyOf(aliases);
        description = description == null ? "" : description;
        thermal = Map.copyOf(thermal);
        origin = origin == null ? "" : origin;
        if (attenuation != null) {
            Objects.requireNonNull(attenuationProvenance, "attenuationProvenance");
        }
        if (viscosity != null) {
            Objects.requireNonNull(viscosityProvenance, "viscosityProvenance");
        }
    }

    /** A material without rare-earth gain data. */
    public Material(String name, List<String> aliases, String description, RefractiveIndexModel index,
            Provenance indexProvenance, AttenuationModel attenuation, Provenance attenuationProvenance,
            Map<String, SourcedValue> thermal, Luminescence luminescence, String origin, ViscosityModel viscosity,
            Provenance viscosityProvenance) {
        this(name, aliases, description, index, indexProvenance, attenuation, attenuationProvenance, thermal, luminescence, origin,
                viscosity, viscosityProvenance, null);
    }

    /** A material without an explicit viscosity curve (one may still follow from its thermal data). */
    public Material(String name, List<String> aliases, String description, RefractiveIndexModel index,
            Provenance indexProvenance, AttenuationModel attenuation, Provenance attenuationProvenance,
            Map<String, SourcedValue> thermal, Luminescence luminescence, String origin) {
        this(name, aliases, description, index, indexProvenance, attenuation, attenuationProvenance, thermal, luminescence, origin,
                null, null);
    }

    /** A dispersion-free medium, e.g. from "--core 1.56" or "{ index: 1.56 }". */
    public static Material constant(double n, double k, String origin) {
        String name = k == 0 ? "n=" + Units.trim(Double.toString(n)) : "n=" + n + "+" + k + "i";
        return new Material(name, List.of(), "constant index", new org.glassguide.materials.ConstantIndexModel(n, k),
                Provenance.user(origin), null, null, Map.of(), null, origin);
    }

    public Optional<AttenuationModel> attenuationModel() {
        return Optional.ofNullable(attenuation);
    }

    /** The rare-earth laser spectroscopy of a doped glass (cross sections, lifetime), if the catalog has it. */
    public Optional<GainSpectroscopy> gainData() {
        return Optional.ofNullable(gain);
    }

    public Optional<Luminescence> luminescenceData() {
        return Optional.ofNullable(luminescence);
    }

    /**
     * Real index at a wavelength, after checking it lies in the model's valid range. Outside it is an
     * error unless extrapolation is allowed, in which case the warning sink hears about it once.
     */
    public double n(double wavelength, boolean allowExtrapolation, Consumer<String> warnings) {
        checkWavelength(wavelength, allowExtrapolation, warnings);
        return checkedN(wavelength, index.n(wavelength));
    }

    /** Complex index n + ik with the bulk attenuation folded into k. */
    public ComplexIndex complexIndex(double wavelength, boolean allowExtrapolation, Consumer<String> warnings) {
        checkWavelength(wavelength, allowExtrapolation, warnings);
        double k = index.k(wavelength) + (attenuation == null ? 0 : attenuation.k(wavelength));
        String extended = attenuation == null ? null : attenuation.extension(wavelength);
        if (extended != null) {
            warnings.accept("note: " + name + "'s loss at " + Math.round(wavelength * 1e9) + " nm is " + extended);
        }
        if (!(k >= 0) || !Double.isFinite(k)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "extinction coefficient k of " + name + " at " + Units.nm(wavelength) + " nm", k,
                    "a finite value >= 0 (check the material's k data and attenuation)");
        }
        return new ComplexIndex(checkedN(wavelength, index.n(wavelength)), k);
    }

    /** Largest refractive index accepted from a model: above every optical material, far below overflowing a solver's arithmetic. */
    public static final double MAX_INDEX = 20;

    /**
     * The model's index, refused when it is not a physical one: NaN or infinite (a Sellmeier pole inside the valid
     * range, a formula beyond its domain), not above 0, or absurdly large.
     */
    private double checkedN(double wavelength, double n) {
        if (!(n > 0 && n <= MAX_INDEX)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "refractive index of " + name + " at " + Units.nm(wavelength) + " nm", n,
                    "a finite value above 0 and up to " + (int) MAX_INDEX + " (a dispersion formula with a pole inside its valid range gives this; check its coefficients and range)");
        }
        return n;
    }

    public void checkWavelength(double wavelength, boolean allowExtrapolation, Consumer<String> warnings) {
        WavelengthRange r = index.validRange();
        if (!r.contains(wavelength)) {
            String hi = Double.isInfinite(r.max()) ? "infinity" : Units.nm(r.max());
            if (!allowExtrapolation) {
                throw new GlassGuideException(Messages.WAVELENGTH_OUTSIDE_MODEL, Units.nm(wavelength), name,
                        Units.nm(r.min()), hi);
            }
            warnings.accept("warning: extrapolating " + name + " to " + Units.nm(wavelength) + " nm (valid "
                    + Units.nm(r.min()) + " to " + hi + " nm)");
        }
    }

    /** True when the index or attenuation rests on an assumption rather than a measurement. */
    public boolean hasAssumptions() {
        if (indexProvenance.isAssumed() || attenuationProvenance != null && attenuationProvenance.isAssumed()) {
            return true;
        }
        if (viscosityProvenance != null && viscosityProvenance.isAssumed()) {
            return true;
        }
        return thermal.values().stream().anyMatch(v -> v.provenance().isAssumed());
    }
}
