package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

import java.io.IOException;

/**
 * A parsed synonym map as bytes and back: its words in the order of their numbers (the map's outputs name words by
 * number, and adding them again in this order gives each the same number), then its FST as Lucene saves it.
 */
final class SynonymMapFile {

    private SynonymMapFile() {
    }

    /** A map without FST (an empty synonym list) is not written: it is as cheap to parse as to read. */
    static void write(SynonymMap map, DataOutput out) throws IOException {
        out.writeVInt(map.maxHorizontalContext);
        BytesRef word = new BytesRef();
        out.writeVInt(map.words.size());
        for (int id = 0; id < map.words.size(); id++) {
            map.words.get(id, word);
            out.writeVInt(word.length);
            out.writeBytes(word.bytes, word.offset, word.length);
        }
        map.fst.save(out, out);
    }

    static SynonymMap read(DataInput in) throws IOException {
        int maxHorizontalContext = in.readVInt();
        BytesRefHash words = new BytesRefHash();
        int count = in.readVInt();
        for (int id = 0; id < count; id++) {
            byte[] bytes = new byte[in.readVInt()];
            in.readBytes(bytes, 0, bytes.length);
            if (words.add(new BytesRef(bytes)) != id) {
                throw new IOException("word " + id + " of the synonym map is a duplicate");
            }
        }
        FST<BytesRef> fst = new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
        return new SynonymMap(fst, words, maxHorizontalContext);
    }
}
