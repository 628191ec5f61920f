package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.AuditEntry;
import fr.sommenumerique.helpdesk.ticketing.ContactSignature;
import fr.sommenumerique.helpdesk.ticketing.Macros;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketViewers;
import fr.sommenumerique.helpdesk.web.render.ActorNames;
import fr.sommenumerique.helpdesk.web.triage.TicketChangedException;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.FrenchChoices;
import fr.sommenumerique.helpdesk.web.triage.KnowledgeArticles;
import fr.sommenumerique.helpdesk.web.triage.TicketView;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/** One ticket: the conversation, the reply and note forms, and every change staff can make. */
@Controller
class TicketPage {

    private final TicketWorkspace workspace;
    private final KnowledgeArticles articles;
    private final StaffAccounts staff;
    private final CommuneDirectory communes;
    private final Macros macros;
    private final TicketViewers viewers;
    private final ActorNames actors;

    TicketPage(TicketWorkspace workspace, KnowledgeArticles articles, StaffAccounts staff, CommuneDirectory communes,
               Macros macros, TicketViewers viewers, ActorNames actors) {
        this.workspace = workspace;
        this.articles = articles;
        this.staff = staff;
        this.communes = communes;
        this.macros = macros;
        this.viewers = viewers;
        this.actors = actors;
    }

    /**
     * {@code ?article=id} or {@code ?macro=id} starts the reply with that knowledge-base article or canned reply
     * (the page works without JavaScript). Opening the page tells colleagues that this agent has it open.
     */
    @GetMapping("/tickets/{id}")
    String ticket(@PathVariable long id, @RequestParam(required = false) String article,
                  @RequestParam(required = false) Long macro, Principal principal, Model model) {
        TicketView view = workspace.view(id);
        viewers.seen(view.ticket().id(), principal.getName(), false);
        model.addAttribute("view", view);
        model.addAttribute("t", view.ticket());
        model.addAttribute("staff", staff.active());
        model.addAttribute("articles", articles.all());
        model.addAttribute("macros", macros.all());
        model.addAttribute("roles", ContactSignature.ROLES);
        model.addAttribute("others", presence(view.ticket().id(), principal.getName()));
        model.addAttribute("seen", view.messages().stream().mapToLong(m -> m.message().id()).max().orElse(0));
        model.addAttribute("seenChange", view.history().stream().mapToLong(AuditEntry::id).max().orElse(0));
        if (!model.containsAttribute("draft")) {
            try {
                if (article != null && !article.isBlank()) {
                    model.addAttribute("draft", articles.asReply(article));
                    model.addAttribute("focusReply", true);
                } else if (macro != null) {
                    model.addAttribute("draft", workspace.macroText(macro, id, principal.getName()));
                    model.addAttribute("focusReply", true);
                }
            } catch (NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "ticket";
    }

    /**
     * Sends the reply, unless the ticket received messages since the page was loaded ({@code seen}): then nothing
     * is sent, the page comes back with the draft and the new messages marked, and sending again sends it.
     * {@code next}: the ticket to show afterwards when this one leaves the queue (the queue's next one).
     */
    @PostMapping("/tickets/{id}/reponse")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                 @RequestParam(required = false) String statusAfter, @RequestParam(required = false) Long seen,
                 @RequestParam(required = false) Long seenChange,
                 @RequestParam(required = false) Long next, @RequestParam(required = false) String preview,
                 @RequestParam(required = false) String close, Principal principal, RedirectAttributes redirect) {
        if (preview != null) {
            redirect.addFlashAttribute("draft", text);
            try {
                redirect.addFlashAttribute("preview", workspace.preview(id, principal.getName(), text));
            } catch (IllegalArgumentException | NotFoundException e) {
                redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            }
            return "redirect:/tickets/" + id + "#repondre";
        }
        TicketStatus after;
        try {
            after = close != null ? TicketStatus.CLOSED : statusAfter == null || statusAfter.isBlank() ? null
                    : FrenchChoices.parse(TicketStatus.class, statusAfter, "statut");
            TicketMessage sent = workspace.reply(id, principal.getName(), text, after, seen, seenChange);
            viewers.seen(id, principal.getName(), false);
            Ticket ticket = workspace.ticket(sent.ticketId());
            boolean doneForNow = !ticket.isActive() || ticket.status() == TicketStatus.PENDING;
            if (next != null && next != id && doneForNow) {
                redirect.addFlashAttribute(UiActions.SUCCESS, "Réponse envoyée sur " + ticket.reference() + " ("
                        + ticket.status().label().toLowerCase(java.util.Locale.ROOT) + ") ; voici le ticket suivant de la file.");
                return "redirect:/tickets/" + next;
            }
            redirect.addFlashAttribute(UiActions.SUCCESS, "Réponse envoyée.");
            return "redirect:/tickets/" + id;
        } catch (TicketChangedException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage() + " Votre réponse n'est pas partie ; "
                    + "elle est gardée ci-dessous : envoyez-la à nouveau si elle convient toujours.");
            redirect.addFlashAttribute("newMessageIds", e.newer().stream().map(TicketMessage::id).toList());
            redirect.addFlashAttribute("changes", e.changes().stream().map(this::changeLine).toList());
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
        }
        redirect.addFlashAttribute("draft", text); // nothing typed is lost
        redirect.addFlashAttribute("statusAfterDraft", statusAfter);
        return "redirect:/tickets/" + id + "#repondre";
    }

    /** The reply as it will be sent, for the live preview (plain text). */
    @PostMapping(value = "/tickets/{id}/apercu", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> preview(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                                   Principal principal) {
        try {
            return ResponseEntity.ok(workspace.preview(id, principal.getName(), text));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(e.getMessage());
        }
    }

    /**
     * The page reports every few seconds that it is open (and whether a reply is being typed); the answer says who
     * else has the ticket open or is writing, how many messages came in since {@code seen}, and what others changed
     * since {@code seenChange} (assignee, status, priority).
     */
    @PostMapping(value = "/tickets/{id}/presence", produces = "application/json")
    @ResponseBody
    Map<String, Object> presence(@PathVariable long id, @RequestParam(defaultValue = "false") boolean typing,
                                 @RequestParam(defaultValue = "0") long seen, @RequestParam(defaultValue = "0") long seenChange,
                                 @RequestParam(defaultValue = "false") boolean left, Principal principal) {
        if (left) {
            viewers.left(id, principal.getName());
            return Map.of();
        }
        viewers.seen(id, principal.getName(), typing);
        List<TicketMessage> newer = seen > 0 ? workspace.newerThan(id, seen, principal.getName()) : List.of();
        List<AuditEntry> changes = seenChange > 0 ? workspace.changesSince(id, seenChange, principal.getName()) : List.of();
        return Map.of("others", presence(id, principal.getName()), "newMessages", newer.size(),
                "changes", changes.stream().map(this::changeLine).toList());
    }

    /** « Claire Martin : Statut : Ouvert → En attente de la commune ». */
    private String changeLine(AuditEntry change) {
        return actors.label(change.actor()) + " : " + actors.details(change);
    }

    private List<Map<String, Object>> presence(long ticketId, String me) {
        return viewers.others(ticketId, me).stream()
                .map(v -> Map.<String, Object>of("name", actors.staffName(v.username()), "typing", v.typing()))
                .toList();
    }

    /**
     * The triage panel: every property in one form, one save (or each change saved in place by the page). A field
     * left out of the request keeps its value; a blank one clears it (nobody, unclassified, commune unknown).
     */
    @PostMapping("/tickets/{id}/proprietes")
    Object properties(@PathVariable long id, @RequestParam(required = false) String assignee,
                      @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
                      @RequestParam(required = false) String service, @RequestParam(required = false) String commune,
                      @RequestParam(required = false) String assignToMe,
                      @RequestHeader(value = "Accept", defaultValue = "") String accept,
                      Principal principal, RedirectAttributes redirect) {
        boolean json = accept.contains("application/json");
        try {
            Ticket before = workspace.ticket(id);
            String who = assignToMe != null || "me".equals(assignee) ? principal.getName()
                    : assignee == null ? before.assignee() : assignee;
            Ticket t = workspace.update(id, who,
                    status == null || status.isBlank() ? null : FrenchChoices.parse(TicketStatus.class, status, "statut"),
                    priority == null || priority.isBlank() ? null : FrenchChoices.parse(Priority.class, priority, "priorité"),
                    service == null ? before.service()
                            : service.isBlank() ? null : FrenchChoices.parse(ServiceArea.class, service, "service"),
                    commune == null ? before.communeInsee()
                            : commune.isBlank() ? null : communes.resolve(commune).inseeCode(), principal.getName());
            String message = "Enregistré : " + (t.assignee() == null ? "non attribué" : "attribué à "
                    + actors.staffName(t.assignee())) + ", " + t.status().label().toLowerCase(java.util.Locale.ROOT)
                    + ", priorité " + t.priority().label().toLowerCase(java.util.Locale.ROOT) + ".";
            if (json) {
                return ResponseEntity.ok(Map.of("message", message, "status", t.status().name(),
                        "statusLabel", t.status().label(), "priority", t.priority().name(),
                        "priorityLabel", t.priority().label(), "assignee", t.assignee() == null ? "" : t.assignee()));
            }
            redirect.addFlashAttribute(UiActions.SUCCESS, message);
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            if (json) {
                return ResponseEntity.unprocessableContent().body(Map.of("message", e.getMessage()));
            }
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
        }
        return "redirect:/tickets/" + id;
    }

    /** A canned reply filled for this ticket, for the page's « insérer » button (plain text). */
    @GetMapping(value = "/tickets/{id}/reponses-types/{macroId}", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> macro(@PathVariable long id, @PathVariable long macroId, Principal principal) {
        return ResponseEntity.ok(workspace.macroText(macroId, id, principal.getName()));
    }

    @PostMapping("/tickets/{id}/note")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String text, Principal principal,
                RedirectAttributes redirect) {
        String result = UiActions.run(redirect, "/tickets/" + id, "Note ajoutée.",
                () -> workspace.note(id, principal.getName(), text));
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            redirect.addFlashAttribute("noteDraft", text);
        }
        return result;
    }

    /** On success the remaining ticket is shown; on refusal this one, with the reason. */
    @PostMapping("/tickets/{id}/fusion")
    String merge(@PathVariable long id, @RequestParam(defaultValue = "") String into, Principal principal,
                 RedirectAttributes redirect) {
        try {
            Ticket target = workspace.mergeInto(id, into, principal.getName());
            redirect.addFlashAttribute(UiActions.SUCCESS, "Ticket fusionné dans " + target.reference() + ".");
            return "redirect:/tickets/" + target.id();
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            return "redirect:/tickets/" + id;
        }
    }

    @GetMapping("/tickets/{id}/pieces-jointes/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Attachment attachment = workspace.attachment(id, attachmentId);
        return Downloads.attachment(attachment.info().filename(), attachment.info().contentType(), attachment.data());
    }

    /** The article as reply text, for the page's « insérer » button (plain text). */
    @GetMapping(value = "/connaissances/articles/{articleId}/reponse", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> articleAsReply(@PathVariable String articleId) {
        return ResponseEntity.ok(articles.asReply(articleId));
    }
}
