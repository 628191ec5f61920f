package fr.sommenumerique.helpdesk.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server forwards errors; asked for directly it has no error to show (Spring answers
 * 500 « status 999 »): it is a page that does not exist, 404. Registered for direct requests only, not for the
 * server's own error forwards.
 */
public class DirectErrorRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
