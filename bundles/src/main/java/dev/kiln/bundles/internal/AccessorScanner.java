package dev.kiln.bundles.internal;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the trivial getters ({@code return this.f;}) and setters ({@code this.f = arg;}) of a class by reading its
 * bytecode, so that an attribute mapped on a field is matched to its accessors even when the names differ
 * ({@code FloatingIp.iface} / {@code getInterface()}). Runs once per entity class.
 */
final class AccessorScanner {
    /** Method name to field name, for the trivial getters and setters declared by one class. */
    record Accessors(Map<String, String> getters, Map<String, String> setters) {
    }

    private AccessorScanner() {
    }

    static Accessors scan(Class<?> type) {
        Map<String, String> getters = new HashMap<>();
        Map<String, String> setters = new HashMap<>();
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return new Accessors(getters, setters);
            }
            String owner = type.getName().replace('.', '/');
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_ABSTRACT)) != 0) {
                        return null;
                    }
                    boolean getterShape = descriptor.startsWith("()") && !descriptor.endsWith(")V");
                    boolean setterShape = descriptor.endsWith(")V") && net.bytebuddy.jar.asm.Type.getArgumentTypes(descriptor).length == 1;
                    if (!getterShape && !setterShape) {
                        return null;
                    }
                    return new TrivialAccessorVisitor(owner, name, getterShape, getters, setters);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException | RuntimeException e) {
            // Unreadable bytecode: fall back to JavaBean names only.
        }
        return new Accessors(getters, setters);
    }

    /** Records the method if its instructions are exactly ALOAD 0, GETFIELD f, xRETURN (or ALOAD 0, xLOAD 1, PUTFIELD f, RETURN). */
    private static final class TrivialAccessorVisitor extends MethodVisitor {
        private final String owner;
        private final String method;
        private final boolean getter;
        private final Map<String, String> getters;
        private final Map<String, String> setters;
        private int step;
        private String field;
        private boolean broken;

        TrivialAccessorVisitor(String owner, String method, boolean getter, Map<String, String> getters,
                               Map<String, String> setters) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.method = method;
            this.getter = getter;
            this.getters = getters;
            this.setters = setters;
        }

        private void expect(boolean ok) {
            if (!ok) {
                broken = true;
            }
            step++;
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            if (getter) {
                expect(step == 0 && opcode == Opcodes.ALOAD && var == 0);
            } else {
                expect((step == 0 && opcode == Opcodes.ALOAD && var == 0) || (step == 1 && var == 1));
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            boolean ok = fieldOwner.equals(owner) && (getter ? opcode == Opcodes.GETFIELD && step == 1
                    : opcode == Opcodes.PUTFIELD && step == 2);
            field = name;
            expect(ok);
        }

        @Override
        public void visitInsn(int opcode) {
            boolean ret = opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
            expect(ret && step == (getter ? 2 : 3) && (getter ? opcode != Opcodes.RETURN : opcode == Opcodes.RETURN));
        }

        @Override
        public void visitMethodInsn(int opcode, String o, String name, String descriptor, boolean isInterface) {
            broken = true;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            broken = true;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            broken = true;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            broken = true;
        }

        @Override
        public void visitLdcInsn(Object value) {
            broken = true;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, net.bytebuddy.jar.asm.Handle handle,
                                           Object... arguments) {
            broken = true;
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            broken = true;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            broken = true;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            broken = true;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            broken = true;
        }

        @Override
        public void visitEnd() {
            if (!broken && field != null && step == (getter ? 3 : 4)) {
                (getter ? getters : setters).put(method, field);
            }
        }
    }
}
