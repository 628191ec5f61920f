package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality bar on the evaluation sets: the shared development questions and the project's own. A wrong confident
 * answer is worse than a hand-over, so no question expecting a ticket or an out-of-scope reply may get an answer.
 */
class AssistantQualityTest {

    private static KnowledgeBase knowledgeBase;
    private static Evaluation evaluation;

    @BeforeAll
    static void load() {
        knowledgeBase = KnowledgeBase.load(Path.of("knowledge-base"));
        evaluation = new Evaluation(new DecisionEngine(knowledgeBase, AssistantSettings.DEFAULTS));
    }

    @Test
    void development_questions_all_pass_with_no_confident_wrong_answer() throws IOException {
        List<Evaluation.Outcome> outcomes = run(developmentQuestions());

        assertThat(outcomes).hasSize(20);
        assertThat(passed(outcomes)).isEqualTo(20);
        assertNoAnswerToAHandOver(outcomes);
    }

    @Test
    void the_brief_questions_pass() throws IOException {
        List<Evaluation.Outcome> outcomes = run(Path.of("knowledge-base/eval/questions-brief.tsv"));

        assertThat(passed(outcomes)).isEqualTo(outcomes.size());
        assertNoAnswerToAHandOver(outcomes);
    }

    @Test
    void the_projects_own_questions_pass() throws IOException {
        List<Evaluation.Outcome> outcomes = run(Path.of("knowledge-base/eval/questions-kb.tsv"));

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(40);
        assertThat(passed(outcomes)).isGreaterThanOrEqualTo(outcomes.size() - 1);
        assertNoAnswerToAHandOver(outcomes);
    }

    @Test
    void a_second_set_written_without_seeing_the_articles_mostly_passes() throws IOException {
        List<Evaluation.Outcome> outcomes = run(Path.of("knowledge-base/eval/questions-holdout2.tsv"));

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(70);
        assertThat(passed(outcomes)).isGreaterThanOrEqualTo(69);
        assertNoAnswerToAHandOver(outcomes);
    }

    @Test
    void every_article_is_the_source_of_at_least_one_passing_question_of_the_projects_own() throws IOException {
        List<Evaluation.Outcome> outcomes = new ArrayList<>(run(Path.of("knowledge-base/eval/questions-kb.tsv")));
        outcomes.addAll(run(Path.of("knowledge-base/eval/questions-brief.tsv")));
        Set<String> reached = outcomes.stream().filter(Evaluation.Outcome::passed)
                .flatMap(o -> o.decision().articleIds().stream())
                .collect(Collectors.toSet());

        List<String> unreached = knowledgeBase.articles().stream().map(Article::id).filter(id -> !reached.contains(id))
                .sorted().toList();
        assertThat(unreached).as("articles no question of the project's own sets is answered from").isEmpty();
    }

    @Test
    void questions_written_without_seeing_the_articles_mostly_pass() throws IOException {
        List<Evaluation.Outcome> outcomes = run(Path.of("knowledge-base/eval/questions-holdout.tsv"));

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(80);
        // 89 measured since answers need the topic classifier's agreement (the issue asks at least 88): the question
        // on acknowledgements on a Saturday is handed over with the article on our hours.
        assertThat(passed(outcomes)).isGreaterThanOrEqualTo(89);
        assertNoAnswerToAHandOver(outcomes);
    }

    @Test
    void a_third_set_written_from_the_domain_brief_only_stays_at_least_as_good_as_measured() throws IOException {
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/questions-blind3.tsv", 125, 117, 0);
    }

    /**
     * One confident wrong answer since round O's corpus (small talk, questions about who answers): « l'imprimante … vs
     * pouvez envoyer qqun ? » is now read as out of scope at 49 %, just under the 50 % that keeps articles out. 127 since
     * « publication » keeps its whole stem (round U): « publication des bans … on affiche combien de temps ? » now finds
     * the article on publishing acts first and is handed over, not named out of scope (over all sets the stem wins one
     * answer and one confident wrong answer fewer). 128 since round W's corpus: the bans are named out of scope again.
     */
    @Test
    void the_fourth_set_written_from_the_domain_brief_only_stays_at_least_as_good_as_measured() throws IOException {
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/questions-blind4.tsv", 129, 128, 0);
    }

    /**
     * Set F, 189 questions written blind from the domain brief (development set since its first run, which gave 127 with
     * 27 confident wrong answers): a floor at what the engine reaches, confident wrong answers included.
     */
    @Test
    void set_f_written_from_the_domain_brief_only_stays_at_least_as_good_as_measured() throws IOException {
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/questions-setf.tsv", 189, 178, 0);
    }

    /**
     * Sets I (206 questions) and J (215), written blind from the domain brief by two more writers, development sets
     * since their first run (163 with 10 confident wrong, 161 with 12): floors at what the engine reaches. I at 199 since
     * « je (vous) relance » marks a reminder about a file (round U): « Je vous relance … Merci d'enregistrer l'ajout »
     * is now handed to an agent rather than recorded as the request (over all sets: one confident wrong answer fewer).
     * I at 198 since round W's corpus: « nouveau maire … il faut changer le nom sur nos compte » is handed over.
     */
    @Test
    void sets_i_and_j_written_from_the_domain_brief_only_stay_at_least_as_good_as_measured() throws IOException {
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/questions-seti.tsv", 206, 189, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/questions-setj.tsv", 215, 198, 1);
    }

    /**
     * The sets kept sealed until the end of a round and scored once then (eval/final, outside the folder the « every
     * file » checks read): a regression floor, not a target (the target is 90 % and 1 confident wrong per 100). Set E
     * was scored once at the end of the second round of 2026-12-05, set G at the end of the third, set H at the end of
     * round H (168 with 7 confident wrong at its start, 176 with 9 at its end: new wording still beats the engine), set
     * K at the start and the end of round K (208 with 11, then 209 with 10, while the development sets rose to 96 %),
     * set L written during round K and scored once at its end (196 with 11; the engine of the round's start: 188, 13),
     * sets M and N at the start and the end of round M (181 with 11 → 186 with 9; 185 with 7 → 186 with 8), sets O
     * and P at the start and the end of round O (192 with 15 → 193 with 15; 179 with 12 → 183 with 14; one more each
     * after the charter's obligations were handed over again, found in their end-of-round reading).
     * Sets Q and R at the start and the end of round Q (213 with 9 → 213 with 9; 221 with 9 → 221 with 8), then
     * development sets: two questions joined by « , et » are split, and whether the essential-data threshold followed
     * the 60,000 € is handed over (asked in N, Q and R), which cost G and K one answer each (3,617 passed with 60
     * confident wrong over the 23 sets → 3,623 with 54). Sets S and T, written during round Q and scored before and
     * after those last two changes (212 with 7 → 213 with 6; 223 with 8 → 224 with 7).
     * Round Q's blind intent corpus (its writers' other messages read better, +11 of 770) moved four borderline
     * messages of E, G and L the other way (a call « à 17h45, personne ne décroche » read as an incident, « vous êtes
     * qui, un robot ? », two requests whose kind the classifier now splits): their floors went down by one or two while
     * the sets together gained (3,177 passed with 52 confident wrong → 3,181 with 45).
     * Sets U and V, written at the start of round U and scored then and once at its end (219 with 14 → 219 with 13; 229
     * with 10 → 229 with 10), then development sets (the European works threshold of 2026, unverified, is handed over,
     * as all four writers who asked it expected). Round U raised the other floors to its end figures.
     * Round W's blind intent corpus (800 messages of four new writers: municipal matters, requests and incidents asked
     * as questions) gained over the sets together (4,538 passed with 72 confident wrong → 4,541 with 69), though « toujours
     * pas d'AR, c'est normal ? » is now handed over as an incident (G, H, Q, T one fewer each). A reminder about a file
     * is for an agent unless the classifier is sure the matter is not ours (4,543 passed, 67 confident wrong).
     * Forwarded mails lose their headers (« De : … Objet : », « TR : », « je vous transfère la demande ») and a second
     * clause with its own question word asks on its own (4,548 passed, 65 confident wrong); G one fewer: « votre adresse
     * postale svp, le maire veut vous envoyer un courrier signé » is now read as a membership by the retrained classifier.
     * Sets W and X, written at the start of round W and scored then and once at its end (219 with 12 → 219 with 12; 214
     * with 8 → 216 with 7): floors at their end figures.
     * Round Y: whether the European 80 % still applies today is handed over in every wording (« s'applique encore »,
     * « toujours valable », « existe toujours »), as the brief asks (no promise of 80 % today) and as 15 of the 25
     * writers who asked it expected; the other ten expected the caveat answer, so blind3, H and I lose one each. The
     * hours article names the address and the stamp article the posting date of the charter's deliberation (asked in
     * M and twice in W): 4,983 passed with 84 confident wrong over the 29 sets → 4,988 with 74. A message the
     * classifier reads as a municipal matter goes to the card that names a word no article knows (« pacs », « mariage »,
     * « touche » for an allowance) unless an article scores twice as high: 4,990 with 70 (I and N lose one answer each,
     * « combien d'élus présents le jour du vote de la charte ? » read as an allowance). Rare words counted on the
     * index's own terms, « vous ouvrez le matin » no longer an ask to open an account, and an acknowledgement awaited
     * after a sending on a closed day (« envoyé dimanche soir, toujours pas d'AR, c'est normal ? », expected answered by
     * every writer who asked it) answered from the Actes article again: 5,007 passed with 66 confident wrong. With the
     * round's other changes (questions beside a request after « ; » or « je voudrais aussi savoir », requests asked as
     * questions, topic-card words, the contact and membership articles): 5,024 passed with 55 confident wrong.
     * Sets Y, Z, AA and AB, written at the start of round Y by four new writers and scored on main then and once at its
     * end (Y 222 with 2 → 222 with 2; Z 224 with 7 → 225 with 6; AA 219 with 7 → 222 with 7; AB 217 with 7 → 217 with
     * 7): floors at their end figures.
     * Round AC: sets AC, AD, AE and AF, written at its start by four new writers and scored on main then and once at
     * its end (AC 219 with 5 → 218 with 5; AD 220 with 11 → 224 with 7; AE 219 with 7 → 221 with 6; AF 223 with 5 →
     * 224 with 4). Sets AG to AN were written during the round by eight more writers as practice sets, read openly to
     * find the classes of error a new writer brings (phishing, duplicated sendings and charges, requests asked as
     * questions, prices in other words, one commune's own file); each had 2 to 9 confident wrong answers when it
     * arrived, whatever the engine had gained before it. Floors at their end figures.
     * Round AO: sets AO, AP, AQ and AR, written at its start by four new writers and scored on main then and once at
     * its end (AO 227 with 3 → 228 with 2; AP 222 with 9 → 223 with 9; AQ 227 with 4 → 225 with 4; AR 226 with 5 → 227
     * with 4). Sets AS to AZ were practice sets written during the round by eight more writers and read openly (on
     * arrival 5, 6, 5, 9, 3, 7, 8 and 6 confident wrong answers). Floors at their end figures.
     * Round BA: sets BA, BB, BC and BD, written at its start by four new writers and scored on main then and once at
     * its end (BA 226 with 5 → 229 with 3; BB 224 with 3 → 224 with 3; BC 216 with 9 → 217 with 9; BD 223 with 7 → 223
     * with 7). Sets BE to BO were practice sets written during the round by eleven more writers and read openly (on
     * main: 4, 7, 1, 3, 9, 2, 3, 5, 8, 7 and 9 confident wrong answers). Floors at their end figures.
     * Sets BP to BS were written after the round's freeze by four more writers and scored once on main and once on the
     * frozen engine, nothing read before (BP 226 with 2 → 225 with 2; BQ 229 with 3 → 230 with 2; BR 223 with 4 → 227
     * with 3; BS 222 with 2 → 223 with 2).
     * Round BT: sets BT, BU, BV and BW, written at its start by four new writers and scored on main then and once at
     * its end (BT 226 with 6 → 227 with 5; BU 227 with 5 → 227 with 5; BV 209 with 10 → 212 with 9; BW 218 with 5 → 219
     * with 5). Sets BX to CH were practice sets written during the round by ten more writers and read openly (on main:
     * 6, 1, 5, 4, 5, 3, 2, 5, 13 and 9 confident wrong answers). Sets CI to CL were written during the round by four
     * more writers, kept unread and scored once on main and once on the frozen engine (CI 222 with 6 → 224 with 4; CJ
     * 221 with 3 → 219 with 4; CK 219 with 8 → 220 with 8; CL 224 with 2 → 225 with 1). Floors at their end figures.
     * Sets D (blind5) and G lost one pass each to the topic card that ties with an article (« … le maire peut interdire
     * … ? » now gets the card on legal advice, not the one its fragments name; « c'est l'État qui paie les 80 % ? » the
     * card on staff and pay): 12 more passed and 3 fewer confident wrong answers over all sets.
     * Set D (blind5) allows one confident wrong answer since the topic classifier answers long mails the search alone
     * handed over: its address-and-president question now gets the address only (24 more passed over all sets).
     * Round CM: sets CM, CN, CO and CP, written at its start by four new writers and scored on main then and once at
     * the freeze (CM 226 with 2 → 225 with 2; CN 222 with 5 → 222 with 5; CO 208 with 0 → 209 with 0; CP 228 with 3 →
     * 228 with 4). Sets CQ to CT were written during the round by four more writers, kept unread and scored once on
     * main and once at the freeze (CQ 224 with 4 → 224 with 4; CR 219 with 3 → 220 with 3; CS 223 with 6 → 223 with 7;
     * CT 226 with 6 → 226 with 6). Sets CU to DB were practice sets written during the round by eight more writers and
     * read openly (on main: 3, 7, 6, 3, 7, 4, 7 and 1 confident wrong answers; CW, formal letters, 156 passed). All
     * sixteen were read after the freeze and the round went on with them: floors at their end figures.
     * Round DC: sets DC, DD, DE and DF, written at its start by four new writers and scored on main then and once at
     * the freeze (DC 231 with 3 → 232 with 2; DD 222 with 4 → 222 with 4; DE 227 with 4 → 227 with 4; DF 221 with 3 →
     * 221 with 3). Sets DG to DJ were written at its start too, kept unread and scored once on main and once at the
     * freeze (DG 224 with 3 → 224 with 3; DH 229 with 5 → 229 with 5; DI 229 with 3 → 229 with 3; DJ 223 with 6 → 224
     * with 6). Sets DK to DR were practice sets written during the round by eight more writers and read openly (on
     * main: 1, 7, 11, 2, 6, 5, 3 and 2 confident wrong answers; DM, Outlook mails with long signatures, 189 passed).
     * All sixteen were read after the freeze: floors at their end figures.
     * Round DS: sets DS, DT, DU and DV, written at its start by four new writers and scored on main then and once at
     * the freeze (DS 224 with 1 → 225 with 1; DT 228 with 4 → 228 with 4; DU 228 with 3 → 227 with 4; DV 220 with 9 →
     * 220 with 9). Sets DW to DZ were written at its start too, kept unread and scored once on main and once at the
     * freeze (DW 235 with 3 → 234 with 3; DX 219 with 4 → 219 with 4; DY 227 with 5 → 228 with 4; DZ 220 with 4 → 221
     * with 3). Sets EA to EJ were practice sets written during the round by ten more writers and read openly (on main:
     * 4, 5, 9, 1, 0, 7, 8, 6, 10 and 2 confident wrong answers). All eighteen were read after the freeze: floors at
     * their end figures.
     * Round EK: sets EK, EL, EM and EN, written at its start by four new writers and scored on main then and once at
     * the freeze (EK 218 with 5 → 220 with 4; EL 230 with 4 → 230 with 4; EM 234 with 0 → 234 with 0; EN 226 with 4 →
     * 227 with 4). Sets EO to ER were written at its start too, kept unread and scored once on main and once at the
     * freeze (EO 225 with 3 → 225 with 3; EP 224 with 2 → 224 with 2; EQ, forwarded mails with one line on top, 148 with
     * 43 → 189 with 28; ER 226 with 1 → 226 with 1). Sets ES to FG were practice sets written during the round by
     * fifteen more writers and read openly (FA, written from EQ's brief, 99 passed with 63 confident wrong on main; FB,
     * long stories of the week, 15 confident wrong on main). All twenty-three were read after the freeze: floors at
     * their end figures.
     * Round FH: sets FH, FI, FJ and FK, written at its start by four new writers and scored on main then and once at
     * the freeze (FH 229 with 2 → 229 with 2; FI 231 with 2 → 231 with 2; FJ, no accents and typos, 231 with 6 → 231
     * with 6; FK 226 with 0 → 226 with 0). Sets FL to FO were written at its start too, kept unread and scored once on
     * main and once at the freeze (FL 233 with 4 → 234 with 3; FM 226 with 6 → 227 with 5; FN 226 with 1 → 227 with 1;
     * FO 229 with 2 → 229 with 2). Sets FP to FW were practice sets written during the round by eight more writers and
     * read openly (1,801 passed with 32 confident wrong on main). All sixteen were read after the freeze: floors at
     * their end figures.
     * Round FX: sets FX, FY, FZ and GA, written at its start by four new writers and scored on main then and once at
     * the freeze (FX 228 with 2 → 228 with 2; FY 230 with 2 → 230 with 2; FZ, long mails of four or five points, 194
     * with 19 → 195 with 18; GA, one-line phone abbreviations, 224 with 5 → 224 with 5). Sets GB to GE were written at
     * its start too, kept unread and scored once on main and once at the freeze (GB 223 with 3, GC 220 with 4, GD 229
     * with 4, GE 234 with 4, unchanged). Sets GF to GO were practice sets written during the round by ten more writers
     * and read openly (2,242 passed with 33 confident wrong on main). Floors at their figures at the freeze.
     */
    @Test
    void the_sets_scored_once_at_the_end_stay_at_least_as_good_as_measured() throws IOException {
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sealed.tsv", 130, 127, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-blind5.tsv", 126, 120, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sete.tsv", 169, 153, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setg.tsv", 235, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seth.tsv", 222, 204, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setk.tsv", 242, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setl.tsv", 232, 212, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setm.tsv", 222, 194, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setn.tsv", 212, 195, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seto.tsv", 221, 201, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setp.tsv", 216, 189, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setq.tsv", 234, 218, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setr.tsv", 238, 228, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sets.tsv", 229, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sett.tsv", 241, 231, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setu.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setv.tsv", 246, 234, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setw.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setx.tsv", 240, 223, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sety.tsv", 240, 211, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setz.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaa.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setab.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setag.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setah.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setai.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaj.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setak.tsv", 240, 208, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setal.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setam.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setan.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setac.tsv", 240, 211, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setad.tsv", 240, 224, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setae.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaf.tsv", 240, 224, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setao.tsv", 240, 221, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setap.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaq.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setar.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setas.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setat.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setau.tsv", 240, 222, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setav.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaw.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setax.tsv", 240, 220, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setay.tsv", 240, 211, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setaz.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setba.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbb.tsv", 240, 216, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbc.tsv", 240, 223, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbd.tsv", 240, 217, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbe.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbf.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbg.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbh.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbi.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbj.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbk.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbl.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbm.tsv", 240, 226, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbn.tsv", 240, 223, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbo.tsv", 240, 221, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbp.tsv", 240, 225, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbq.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbr.tsv", 240, 228, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbs.tsv", 240, 223, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbt.tsv", 240, 228, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbu.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbv.tsv", 240, 210, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbw.tsv", 240, 212, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbx.tsv", 240, 228, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setby.tsv", 240, 225, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setbz.tsv", 240, 221, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setca.tsv", 240, 222, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcb.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcd.tsv", 240, 221, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setce.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcf.tsv", 240, 212, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcg.tsv", 240, 207, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setch.tsv", 240, 220, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setci.tsv", 240, 216, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcj.tsv", 240, 208, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setck.tsv", 240, 218, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcl.tsv", 240, 215, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcm.tsv", 240, 220, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcn.tsv", 240, 212, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setco.tsv", 240, 201, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcp.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcq.tsv", 240, 219, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcr.tsv", 240, 218, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcs.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setct.tsv", 240, 221, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcu.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcv.tsv", 240, 216, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcw.tsv", 240, 203, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcx.tsv", 240, 221, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcy.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setcz.tsv", 240, 225, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setda.tsv", 240, 210, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdb.tsv", 240, 221, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdc.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdd.tsv", 240, 216, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setde.tsv", 240, 228, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdf.tsv", 240, 219, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdg.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdh.tsv", 240, 231, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdi.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdj.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdk.tsv", 240, 221, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdl.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdm.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdn.tsv", 240, 231, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdo.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdp.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdq.tsv", 240, 231, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdr.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setds.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdt.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdu.tsv", 240, 226, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdv.tsv", 240, 223, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdw.tsv", 240, 230, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdx.tsv", 240, 216, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdy.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setdz.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setea.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteb.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setec.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seted.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setee.tsv", 240, 231, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setef.tsv", 240, 230, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteg.tsv", 240, 218, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteh.tsv", 240, 228, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setei.tsv", 240, 217, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setej.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setek.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setel.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setem.tsv", 240, 234, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seten.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteo.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setep.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteq.tsv", 240, 198, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seter.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setes.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setet.tsv", 240, 231, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seteu.tsv", 240, 233, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setev.tsv", 240, 225, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setew.tsv", 240, 228, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setex.tsv", 240, 230, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setey.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setez.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfa.tsv", 240, 215, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfb.tsv", 240, 163, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfc.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfd.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfe.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setff.tsv", 240, 234, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfg.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfh.tsv", 240, 225, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfi.tsv", 240, 228, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfj.tsv", 240, 231, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfk.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfl.tsv", 240, 235, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfm.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfn.tsv", 240, 215, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfo.tsv", 240, 231, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfp.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfq.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfr.tsv", 240, 224, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfs.tsv", 240, 221, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setft.tsv", 240, 225, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfu.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfv.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfw.tsv", 240, 215, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfx.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfy.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setfz.tsv", 240, 185, 9);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setga.tsv", 240, 221, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgb.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgc.tsv", 240, 212, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgd.tsv", 240, 226, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setge.tsv", 240, 230, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgf.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgg.tsv", 240, 235, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgh.tsv", 240, 220, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgi.tsv", 240, 233, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgj.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgk.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgl.tsv", 240, 231, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgm.tsv", 240, 231, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgn.tsv", 240, 226, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgo.tsv", 240, 223, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgp.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgq.tsv", 240, 225, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgr.tsv", 240, 230, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgs.tsv", 240, 235, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgt.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgu.tsv", 240, 233, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgv.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgw.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgx.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgy.tsv", 240, 220, 6);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setgz.tsv", 240, 226, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setha.tsv", 240, 223, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethb.tsv", 240, 205, 7);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethc.tsv", 240, 219, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethd.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethe.tsv", 240, 228, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethf.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethg.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethh.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethi.tsv", 240, 217, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethj.tsv", 240, 225, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethk.tsv", 240, 223, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethl.tsv", 240, 222, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethm.tsv", 240, 221, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethn.tsv", 240, 225, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setho.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethp.tsv", 240, 201, 6);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethq.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethr.tsv", 240, 218, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-seths.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setht.tsv", 240, 214, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethu.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethv.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethw.tsv", 240, 230, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethx.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethy.tsv", 240, 219, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-sethz.tsv", 240, 226, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setia.tsv", 240, 234, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setib.tsv", 240, 213, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setic.tsv", 240, 219, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setid.tsv", 240, 227, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setie.tsv", 240, 231, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setif.tsv", 240, 224, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setig.tsv", 240, 217, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setih.tsv", 240, 216, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setii.tsv", 240, 219, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setij.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setik.tsv", 240, 226, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setil.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setim.tsv", 240, 227, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setin.tsv", 240, 205, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setio.tsv", 240, 214, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setip.tsv", 240, 237, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiq.tsv", 240, 221, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setir.tsv", 240, 217, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setis.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setit.tsv", 240, 216, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiu.tsv", 240, 226, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiv.tsv", 240, 230, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiw.tsv", 240, 223, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setix.tsv", 240, 220, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiy.tsv", 240, 225, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setiz.tsv", 240, 222, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setja.tsv", 240, 209, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjb.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjc.tsv", 240, 222, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjd.tsv", 240, 218, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setje.tsv", 240, 220, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjf.tsv", 240, 232, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjg.tsv", 240, 222, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjh.tsv", 240, 226, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setji.tsv", 240, 214, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjj.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjk.tsv", 240, 222, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjl.tsv", 240, 221, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjm.tsv", 240, 222, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjn.tsv", 240, 194, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjo.tsv", 240, 221, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjp.tsv", 240, 221, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjq.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjr.tsv", 240, 199, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjs.tsv", 240, 219, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjt.tsv", 240, 219, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setju.tsv", 240, 198, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjv.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjw.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjx.tsv", 240, 229, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjy.tsv", 240, 224, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setjz.tsv", 240, 229, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setka.tsv", 240, 222, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkb.tsv", 240, 221, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkc.tsv", 240, 234, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkd.tsv", 240, 226, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setke.tsv", 240, 230, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkf.tsv", 240, 224, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkg.tsv", 240, 219, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkh.tsv", 240, 215, 4);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setki.tsv", 240, 218, 3);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkj.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkk.tsv", 240, 217, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkl.tsv", 240, 222, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkm.tsv", 240, 232, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkn.tsv", 240, 220, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setko.tsv", 240, 215, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkp.tsv", 240, 212, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkq.tsv", 240, 225, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkr.tsv", 240, 208, 5);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setks.tsv", 240, 227, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkt.tsv", 240, 215, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setku.tsv", 240, 215, 2);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkv.tsv", 240, 228, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkw.tsv", 240, 224, 1);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setkx.tsv", 240, 224, 0);
        assertAtLeastAsGoodAsMeasured("knowledge-base/eval/final/questions-setky.tsv", 240, 213, 0);
    }

    /**
     * Every reply to the questions of the sets fits one chat message (Telegram splits above 4,096 characters; the
     * channel adds a reference line): a question the message asks twice is not answered twice.
     */
    @Test
    void every_reply_to_the_evaluation_questions_fits_one_chat_message() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base/eval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                evaluation.run(EvaluationSet.read(file)).stream()
                        .filter(o -> o.decision().reply().length() > 3_800)
                        .forEach(o -> tooLong.add(o.decision().reply().length() + " : " + o.testCase().question()));
            }
        }
        assertThat(tooLong).as("replies longer than one chat message").isEmpty();
    }

    /** The shared development set when the project sits beside it, else the copy kept with the tests. */
    private static Path developmentQuestions() {
        Path shared = Path.of("../shared/eval/questions-dev.tsv");
        return Files.exists(shared) ? shared : Path.of("src/test/resources/shared/eval/questions-dev.tsv");
    }

    private static List<Evaluation.Outcome> run(Path file) throws IOException {
        assertThat(file).as("evaluation file").exists();
        EvaluationSet set = EvaluationSet.read(file);
        assertThat(set.errors()).isEmpty();
        List<Evaluation.Outcome> outcomes = evaluation.run(set);
        System.out.println("== " + file + ": " + passed(outcomes) + " / " + outcomes.size() + " passed");
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> System.out.println("   " + o.line()));
        return outcomes;
    }

    /** A set of that size scores at least its floor of passed questions, with at most that many confident wrong ones. */
    private static void assertAtLeastAsGoodAsMeasured(String file, int size, int minPassed, int maxConfidentWrong)
            throws IOException {
        List<Evaluation.Outcome> outcomes = run(Path.of(file));

        assertThat(outcomes).as("questions in " + file).hasSize(size);
        assertThat(passed(outcomes)).as("questions passed in " + file).isGreaterThanOrEqualTo(minPassed);
        assertThat(outcomes.stream().filter(Evaluation.Outcome::confidentWrong).count())
                .as("confident wrong answers in " + file).isLessThanOrEqualTo(maxConfidentWrong);
    }

    private static long passed(List<Evaluation.Outcome> outcomes) {
        return outcomes.stream().filter(Evaluation.Outcome::passed).count();
    }

    /** No answer where another outcome was expected, and no answer lacking a required fact or stating a forbidden one. */
    private static void assertNoAnswerToAHandOver(List<Evaluation.Outcome> outcomes) {
        List<String> wrong = outcomes.stream().filter(Evaluation.Outcome::confidentWrong).map(Evaluation.Outcome::line)
                .toList();
        assertThat(wrong).as("confident wrong answers").isEmpty();
    }
}
