package io.loopscout.extract.rust;

import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rust.Dispatch.VarKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a finding's {@code state_type} (shared/patterns.md): from the declared type of the local, parameter or
 * field, else from the constants assigned; enums are looked up in the file's and crate's declarations.
 */
final class StateTypes {

    private static final Pattern GENERIC = Pattern.compile("^(?:[\\w:]*::)?(Cell|Option|Box|Rc|Arc)<(.*)>$");

    private final CrateSymbols crate;
    private final RustSymbols file;

    /**
     * Resolves against the file's declarations over its crate's: a name the file declares means the file's item,
     * not a namesake elsewhere in the crate (see {@link RustSymbols#overlay}).
     */
    StateTypes(CrateSymbols crate, RustSymbols file) {
        this.crate = crate;
        this.file = file;
    }

    private Boolean enumHasFields(String name) {
        Boolean own = file.enumHasFields(name);
        return own != null ? own : crate.enumHasFields(name);
    }

    private String enumOfVariant(String variant) {
        return file.declaresVariant(variant) ? file.enumOfVariant(variant)
                : crate.enumOfVariant(variant);
    }

    private String fieldType(String struct, String field) {
        String own = file.fieldType(struct, field);
        return own != null ? own : crate.fieldType(struct, field);
    }

    private String constType(String name) {
        String own = file.constType(name);
        return own != null ? own : crate.constType(name);
    }

    private String alias(String name) {
        String own = file.alias(name);
        return own != null ? own : crate.alias(name);
    }

    /**
     * The state type of the analysed loop.
     *
     * @param functionText the text of the enclosing function (declarations of locals and parameters)
     * @param implType     the type of the enclosing impl block ({@code Self}), or null
     */
    String resolve(LoopAnalysis a, String functionText, String implType) {
        String var = a.dispatch.stateVar();
        String declared = declaredType(a.dispatch.kind(), var, functionText, implType);
        String t = declared == null ? null : ofType(declared, implType, 0);
        if (t != null) {
            return t;
        }
        for (SyntaxNode c : a.constants) {
            // no kind: a lower-case const item (c2rust's enumerator), looked up as a path
            RustValues.Kind kind = RustValues.constantKind(c);
            String k = ofConstant(RustValues.unparen(c).compact(), kind == null ? RustValues.Kind.PATH : kind,
                    implType);
            if (k != null) {
                return k;
            }
        }
        for (String c : a.macroConstants) {
            String k = ofConstant(c, RustValues.integerValue(c) != null ? RustValues.Kind.INTEGER
                    : RustValues.Kind.PATH, implType);
            if (k != null) {
                return k;
            }
        }
        if (declared == null && a.dispatch.kind() == VarKind.LOCAL) {
            String init = initializer(var, functionText);
            if (init != null) {
                String k = ofConstant(init, RustValues.integerValue(init) != null ? RustValues.Kind.INTEGER
                        : RustValues.Kind.PATH, implType);
                if (k != null) {
                    return k;
                }
            }
        }
        return "unknown";
    }

    /** The declared type text of the state place, or null. */
    private String declaredType(VarKind kind, String var, String fn, String implType) {
        if (fn == null) {
            return null;
        }
        if (kind == VarKind.LOCAL) {
            String q = Pattern.quote(var);
            Matcher let = Pattern.compile("\\blet\\s+(?:mut\\s+)?" + q + "\\s*:\\s*([^=;]+?)\\s*[=;]").matcher(fn);
            if (let.find()) {
                return let.group(1);
            }
            Matcher param = Pattern.compile("(?:\\(|,)\\s*(?:mut\\s+)?" + q + "\\s*:\\s*([^,)]+)").matcher(fn);
            if (param.find()) {
                return param.group(1);
            }
            return null;
        }
        String place = var.startsWith("*") ? var.substring(1) : var;
        int dot = place.lastIndexOf('.');
        if (dot < 0) {
            return declaredType(VarKind.LOCAL, place, fn, implType);
        }
        String owner = place.substring(0, dot);
        String field = place.substring(dot + 1);
        String ownerType = owner.equals("self") ? implType : declaredType(VarKind.LOCAL, owner, fn, implType);
        if (ownerType == null) {
            return null;
        }
        String struct = RustValues.lastSegment(stripRefs(ownerType).replaceAll("<.*$", ""));
        return fieldType(struct.equals("Self") && implType != null ? implType : struct, field);
    }

    private static String initializer(String var, String fn) {
        if (fn == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\blet\\s+mut\\s+" + Pattern.quote(var) + "\\s*=\\s*([^;]+?)\\s*;").matcher(fn);
        return m.find() ? m.group(1).replaceAll("\\s+", "") : null;
    }

    private static String stripRefs(String type) {
        return type.replaceAll("\\s+", "").replaceAll("^(?:&(?:'\\w+)?(?:mut)?|\\*(?:mut|const))+", "");
    }

    /** The state type named by a type expression, or null when it cannot be told. */
    private String ofType(String typeText, String implType, int depth) {
        if (depth > 4) {
            return null;
        }
        String t = stripRefs(typeText);
        Matcher g = GENERIC.matcher(t);
        if (g.matches()) {
            return g.group(1).equals("Option") ? "enum-with-fields" : ofType(g.group(2), implType, depth + 1);
        }
        String prim = RustValues.primitiveStateType(t);
        if (prim != null) {
            return prim;
        }
        String name = RustValues.lastSegment(t.replaceAll("<.*$", ""));
        if (name.equals("Self") && implType != null) {
            name = implType;
        }
        Boolean fields = enumHasFields(name);
        if (fields != null) {
            return fields ? "enum-with-fields" : "enum";
        }
        String alias = alias(name);
        return alias == null ? null : ofType(alias, implType, depth + 1);
    }

    private String ofConstant(String value, RustValues.Kind kind, String implType) {
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case INTEGER:
                return "integer";
            case BOOL:
                return "bool";
            case CHAR:
                return "char";
            case FLOAT:
                return "float";
            default:
                break;
        }
        String qualifier = RustValues.qualifier(value);
        String last = RustValues.lastSegment(value);
        if (qualifier != null) {
            String enumName = RustValues.lastSegment(qualifier);
            if (enumName.equals("Self") && implType != null) {
                enumName = implType;
            }
            Boolean fields = enumHasFields(enumName);
            if (fields != null) {
                return fields ? "enum-with-fields" : "enum";
            }
        }
        String constType = constType(last);
        if (constType != null) {
            return ofType(constType, implType, 0);
        }
        if (qualifier == null) {
            String e = enumOfVariant(last);
            Boolean fields = e == null ? null : enumHasFields(e);
            if (fields != null) {
                return fields ? "enum-with-fields" : "enum";
            }
        }
        return null;
    }
}
