package fr.sommenumerique.helpdesk.web.account;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.conversation.StaffNames;

/** Staff replies in chat are signed with the display name of the agent's account. */
@Component
class StaffNamesFromAccounts implements StaffNames {

    private final StaffAccounts accounts;

    StaffNamesFromAccounts(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> displayName(String username) {
        return accounts.find(username).map(StaffUser::displayName);
    }
}
