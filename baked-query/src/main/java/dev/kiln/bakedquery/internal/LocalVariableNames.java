package dev.kiln.bakedquery.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the names of a method's local variables at bytecode offset 0 (its parameters) from the class file's
 * {@code LocalVariableTable} (javac writes it with {@code -g}, Maven's default). javac gives lambda bodies no
 * {@code MethodParameters}, so this is how a captured variable is named in an error message. Best effort: returns an
 * empty map if the class file or the table is not there.
 */
final class LocalVariableNames {
    private LocalVariableNames() {
    }

    /** Slot -> name of the parameters of {@code methodName} in {@code owner}. */
    static Map<Integer, String> parameters(Class<?> owner, String methodName) {
        String resource = owner.getName().replace('.', '/') + ".class";
        ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Map.of() : read(new DataInputStream(in), methodName);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static Map<Integer, String> read(DataInputStream in, String methodName) throws IOException {
        in.readInt();                       // magic
        in.readUnsignedShort();             // minor
        in.readUnsignedShort();             // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;                    // 8-byte constants take two slots
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort();             // access
        in.readUnsignedShort();             // this
        in.readUnsignedShort();             // super
        in.skipNBytes(2L * in.readUnsignedShort());   // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!"Code".equals(attribute) || !methodName.equals(name)) {
                    in.skipNBytes(length);
                    continue;
                }
                in.skipNBytes(4);                                   // max stack, max locals
                in.skipNBytes(in.readInt());                        // code
                in.skipNBytes(8L * in.readUnsignedShort());         // exception table
                int codeAttributes = in.readUnsignedShort();
                Map<Integer, String> names = new HashMap<>();
                for (int c = 0; c < codeAttributes; c++) {
                    String codeAttribute = utf8[in.readUnsignedShort()];
                    int codeLength = in.readInt();
                    if (!"LocalVariableTable".equals(codeAttribute)) {
                        in.skipNBytes(codeLength);
                        continue;
                    }
                    int entries = in.readUnsignedShort();
                    for (int e = 0; e < entries; e++) {
                        int startPc = in.readUnsignedShort();
                        in.readUnsignedShort();                     // length
                        String variable = utf8[in.readUnsignedShort()];
                        in.readUnsignedShort();                     // descriptor
                        int slot = in.readUnsignedShort();
                        if (startPc == 0) {
                            names.put(slot, variable);
                        }
                    }
                }
                return names;
            }
        }
        return Map.of();
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
