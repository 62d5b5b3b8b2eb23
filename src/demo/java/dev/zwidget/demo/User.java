package dev.zwidget.demo;

import java.io.Serializable;

/**
 * The demo application's signed-in user, as a legacy application keeps it in its HTTP session
 * (attribute {@code user}). A plain JavaBean with a numeric id: the filter reads {@code id},
 * {@code name} and {@code email} through the getters, as web.xml tells it to, and sends the id
 * as the string Zendesk requires.
 */
public class User implements Serializable {

    // Session attributes should be serializable: containers persist or replicate sessions.
    private static final long serialVersionUID = 1L;

    private long id;
    private String name;
    private String email;

    /** For JavaBean tools; the demo itself uses the other constructor. */
    public User() {
    }

    public User(long id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", name=" + name + "]";
    }
}
