package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.web.account.CreatedAccount;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.api.ApiViews.GeneratedPasswordJson;
import fr.sommenumerique.helpdesk.web.api.ApiViews.StaffJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/staff")
@Tag(name = "Équipe", description = "Comptes du personnel (création et modification : ADMIN)")
class StaffApi {

    private final StaffAccounts accounts;

    StaffApi(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Les comptes de l'équipe")
    List<StaffJson> all() {
        return accounts.all().stream().map(StaffJson::of).toList();
    }

    @GetMapping("/me")
    @Operation(summary = "Le compte qui appelle")
    StaffJson me(Principal principal) {
        return StaffJson.of(accounts.require(principal.getName()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un compte (ADMIN) ; le mot de passe provisoire est renvoyé une seule fois")
    GeneratedPasswordJson create(@Valid @RequestBody ApiRequests.NewStaff body, Principal principal) {
        CreatedAccount created = accounts.create(new NewStaffMember(body.username(), body.displayName(), body.email(),
                body.role()), principal.getName());
        return new GeneratedPasswordJson(StaffJson.of(created.user()), created.generatedPassword());
    }

    @PutMapping("/{username}")
    @Operation(summary = "Modifier nom, adresse, rôle, activation (ADMIN)")
    StaffJson update(@PathVariable String username, @Valid @RequestBody ApiRequests.StaffUpdate body, Principal principal) {
        return StaffJson.of(accounts.update(username, body.displayName(), body.email(), body.role(), body.enabled(),
                principal.getName()));
    }

    @PostMapping("/{username}/password-reset")
    @Operation(summary = "Réinitialiser le mot de passe (ADMIN) ; le nouveau est renvoyé une seule fois")
    GeneratedPasswordJson reset(@PathVariable String username, Principal principal) {
        CreatedAccount reset = accounts.resetPassword(username, principal.getName());
        return new GeneratedPasswordJson(StaffJson.of(reset.user()), reset.generatedPassword());
    }
}
