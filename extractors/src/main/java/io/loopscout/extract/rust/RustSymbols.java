package io.loopscout.extract.rust;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * The type declarations a state type is resolved against: enums (and whether a variant carries fields), struct
 * fields, {@code const} items and type aliases of one file, or of a whole crate when merged.
 */
public final class RustSymbols implements Serializable {

    private static final Map<String, String> ITEMS = Map.of("enum", "enum_item", "struct", "struct_item",
            "const", "const_item", "static", "static_item", "type", "type_item");

    /** enum name → true when a variant has fields. */
    private final Map<String, Boolean> enums = new HashMap<>();
    /** variant name → the enums declaring it (bare names after {@code use State::*}). */
    private final Map<String, Set<String>> variants = new HashMap<>();
    /** "Struct.field" → type text. */
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> consts = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** The keywords that begin items of these types, the only items {@link #of} reads. */
    static List<String> keywordsOf(String... itemTypes) {
        List<String> types = List.of(itemTypes);
        return ITEMS.entrySet().stream().filter(e -> types.contains(e.getValue())).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** An empty symbol table. */
    public RustSymbols() {
    }

    /**
     * The declarations of one parsed file (found by keyword, see {@link KeywordNodes}). Each item is read with
     * one tree cursor, by field id: moving a cursor crosses JNI with a pointer only, while every node asked for
     * by field is rebuilt from its Java fields on each crossing.
     */
    static RustSymbols of(ParsedSource parsed) {
        return of(parsed, KeywordNodes.find(parsed, ITEMS));
    }

    /** The keywords of the items read, each with its item's node type (for {@link KeywordNodes#find}). */
    static Map<String, String> itemKeywords() {
        return ITEMS;
    }

    /**
     * The declarations of one parsed file, from its item nodes found by {@link KeywordNodes#find} with
     * {@link #itemKeywords} (a caller looking for other keywords too scans the file once for both).
     */
    static RustSymbols of(ParsedSource parsed, List<TSNode> items) {
        RustSymbols s = new RustSymbols();
        TSNode root = parsed.root();
        Fields f = new Fields(Nodes.fieldId(root, "name"), Nodes.fieldId(root, "type"), Nodes.fieldId(root, "body"));
        TSTreeCursor cursor = null;
        for (TSNode item : items) {
            if (cursor == null) {
                cursor = new TSTreeCursor(item);
            } else {
                cursor.reset(item);
            }
            s.add(parsed, Nodes.type(item), cursor, f);
        }
        return s;
    }

    /** The grammar's ids of the fields an item is read by. */
    private record Fields(int name, int type, int body) {
    }

    /** Adds the item under the cursor; the cursor may be left anywhere inside it. */
    private void add(ParsedSource parsed, String itemType, TSTreeCursor cursor, Fields f) {
        if (!cursor.gotoFirstChild()) {
            return;
        }
        String name = null;
        boolean typeSeen = false;
        do {
            int field = cursor.currentFieldId();
            if (field == f.name() && name == null) {
                name = parsed.text(cursor.currentNode());
            } else if (field == f.type() && !typeSeen && name != null) {
                typeSeen = true;
                String type = compact(parsed.text(cursor.currentNode()));
                switch (itemType) {
                    case "const_item", "static_item" -> consts.put(name, type);
                    case "type_item" -> aliases.put(name, type);
                    default -> {
                    }
                }
            } else if (field == f.body() && name != null) {
                // the body is the item's last part: it is read in place and the item is done
                switch (itemType) {
                    case "enum_item" -> addEnum(parsed, name, cursor, f);
                    case "struct_item" -> addFields(parsed, name, cursor, f);
                    default -> {
                    }
                }
                return;
            }
        } while (cursor.gotoNextSibling());
        if (itemType.equals("enum_item") && name != null) {
            enums.merge(name, false, Boolean::logicalOr);
        }
    }

    /** The variants of the enum body under the cursor (an {@code enum_variant_list}). */
    private void addEnum(ParsedSource parsed, String name, TSTreeCursor cursor, Fields f) {
        boolean[] withFields = {false};
        // Children are enum_variant, attribute_item and punctuation; only a variant has a name or a body.
        forEachChild(cursor, parsed, f.name(), f.body(), false, (variant, body) -> {
            if (variant != null) {
                variants.computeIfAbsent(variant, k -> new HashSet<>()).add(name);
            }
            withFields[0] |= body != null;
        });
        enums.merge(name, withFields[0], Boolean::logicalOr);
    }

    /** The named fields of the struct body under the cursor (a {@code field_declaration_list}; tuple bodies have none). */
    private void addFields(ParsedSource parsed, String struct, TSTreeCursor cursor, Fields f) {
        if (!Nodes.type(cursor.currentNode()).equals("field_declaration_list")) {
            return;
        }
        // Children are field_declaration, attribute_item and punctuation; only a field has a name and a type.
        forEachChild(cursor, parsed, f.name(), f.type(), true, (field, type) -> {
            if (field != null && type != null) {
                fields.put(struct + "." + field, compact(type));
            }
        });
    }

    /**
     * Hands {@code each}, for every child of the node under the cursor, the text of its first child in field
     * {@code first} and in field {@code second} (null where absent; for {@code second} without
     * {@code secondText}, "" where present: its node is not fetched).
     */
    private static void forEachChild(TSTreeCursor cursor, ParsedSource parsed, int first, int second,
            boolean secondText, BiConsumer<String, String> each) {
        if (!cursor.gotoFirstChild()) {
            return;
        }
        do {
            if (!cursor.gotoFirstChild()) {
                continue;
            }
            String a = null;
            String b = null;
            do {
                int id = cursor.currentFieldId();
                if (id == first && a == null) {
                    a = parsed.text(cursor.currentNode());
                } else if (id == second && b == null) {
                    b = secondText ? parsed.text(cursor.currentNode()) : "";
                }
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
            each.accept(a, b);
        } while (cursor.gotoNextSibling());
    }

    /** Adds every declaration of {@code other} (a crate's table is the union of its files'). */
    public RustSymbols addAll(RustSymbols other) {
        other.enums.forEach((k, v) -> enums.merge(k, v, Boolean::logicalOr));
        other.variants.forEach((k, v) -> variants.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        fields.putAll(other.fields);
        consts.putAll(other.consts);
        aliases.putAll(other.aliases);
        return this;
    }

    /**
     * Adds the declarations of one file over this (its crate's) table: a name the file declares means the file's
     * item, not a namesake elsewhere in the crate (smoltcp's examples/httpclient.rs declares a fieldless
     * {@code State}, src/socket/dns.rs one with fields; merged, the example's loop read as enum-with-fields).
     */
    public RustSymbols overlay(RustSymbols file) {
        enums.putAll(file.enums);
        file.variants.forEach((k, v) -> variants.put(k, new HashSet<>(v)));
        fields.putAll(file.fields);
        consts.putAll(file.consts);
        aliases.putAll(file.aliases);
        return this;
    }

    /** Null when unknown, else whether enum {@code name} has a variant with fields. */
    Boolean enumHasFields(String name) {
        return enums.get(name);
    }

    /** The single enum declaring a variant of this name, or null. */
    String enumOfVariant(String variant) {
        Set<String> e = variants.get(variant);
        return e != null && e.size() == 1 ? e.iterator().next() : null;
    }

    /** True when this table declares a variant of this name (whichever enums). */
    boolean declaresVariant(String variant) {
        return variants.containsKey(variant);
    }

    String fieldType(String struct, String field) {
        return fields.get(struct + "." + field);
    }

    String constType(String name) {
        return consts.get(name);
    }

    String alias(String name) {
        return aliases.get(name);
    }

    boolean isEmpty() {
        return enums.isEmpty() && fields.isEmpty() && consts.isEmpty() && aliases.isEmpty();
    }

    static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
