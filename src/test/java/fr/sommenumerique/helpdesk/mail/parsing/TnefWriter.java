package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes a TNEF stream ({@code winmail.dat}) the way Outlook lays one out (MS-OXTNEF): signature, key, message
 * attributes, then for each file attAttachRendData, attAttachTitle (8.3 name, windows-1252), attAttachData and
 * attAttachment holding the MAPI long file name in UTF-16. For tests: real TNEF bytes whose content we control.
 */
final class TnefWriter {

    private static final int SIGNATURE = 0x223E9F78;
    private static final int LEVEL_MESSAGE = 1;
    private static final int LEVEL_ATTACHMENT = 2;
    private static final Charset ANSI = Charset.forName("windows-1252");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TnefWriter() {
        writeInt(SIGNATURE);
        writeShort(0x0001); // legacy key
        attribute(LEVEL_MESSAGE, 0x9006, 0x0008, le(0x00010000)); // attTnefVersion
        attribute(LEVEL_MESSAGE, 0x9007, 0x0006, concat(le(1252), le(0))); // attOemCodepage
        attribute(LEVEL_MESSAGE, 0x8008, 0x0007, zeroTerminated("IPM.Microsoft Mail.Note", ANSI)); // attMessageClass
    }

    TnefWriter file(String shortName, String longName, byte[] content) {
        attribute(LEVEL_ATTACHMENT, 0x9002, 0x0006, new byte[14]); // attAttachRendData: starts a new attachment
        attribute(LEVEL_ATTACHMENT, 0x8010, 0x0001, zeroTerminated(shortName, ANSI)); // attAttachTitle
        attribute(LEVEL_ATTACHMENT, 0x800F, 0x0006, content); // attAttachData
        attribute(LEVEL_ATTACHMENT, 0x9005, 0x0006, longFileNameProperty(longName)); // attAttachment (MAPI)
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** One MAPI property, PR_ATTACH_LONG_FILENAME (0x3707) as PT_UNICODE. */
    private static byte[] longFileNameProperty(String name) {
        byte[] value = zeroTerminated(name, StandardCharsets.UTF_16LE);
        int padded = (value.length + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + 4 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1); // property count
        b.putShort((short) 0x001F); // PT_UNICODE
        b.putShort((short) 0x3707); // PR_ATTACH_LONG_FILENAME
        b.putInt(1); // value count
        b.putInt(value.length);
        b.put(value);
        return b.array();
    }

    private void attribute(int level, int id, int type, byte[] data) {
        out.write(level);
        writeShort(id);
        writeShort(type);
        writeInt(data.length);
        out.writeBytes(data);
        int checksum = 0;
        for (byte d : data) {
            checksum = (checksum + (d & 0xFF)) & 0xFFFF;
        }
        writeShort(checksum);
    }

    private void writeInt(int v) {
        out.writeBytes(le(v));
    }

    private void writeShort(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] zeroTerminated(String s, Charset charset) {
        return (s + "\0").getBytes(charset);
    }
}
