package dev.zwidget.internal.html;

/**
 * Carries a sign-out or a sign-in to the widget in the site's other open tabs
 * ({@code syncTabs=true}). Each page joins a {@code BroadcastChannel} named after the token
 * endpoint (a {@code storage} event where the browser has none); a page that signs the widget
 * out (a sign-out page, or a 401 from the token endpoint) sends {@code logout}, and a signed-in
 * page sends {@code login} with a tag of its visitor. A tab whose widget is signed in as someone
 * calls {@code logoutUser} on {@code logout}; a tab that is not signed in as that visitor fetches
 * its own token from the token endpoint (with its own session cookie) and calls
 * {@code loginUser}. No token and no external id ever goes through the channel: the tag is a
 * keyed hash, and a tab that was never signed in never calls {@code logoutUser} (it would wipe
 * an anonymous conversation).
 */
public final class TabSyncScript {

    /** Appended to the sign-out that follows a 401 in {@link WidgetMarkup#login}. */
    static final String SIGNED_OUT_HOOK = "if(window.zwidgetTabs){zwidgetTabs.signedOut();}";

    /** Everything after the visitor's tag up to the announcement: fixed per deployment and brand. */
    private final String body;

    /**
     * @param tokenUrl context path plus token path
     * @param brand names the channel with the token URL: one channel per deployment and brand
     *     (the marker cookie's name, from a fixed alphabet)
     */
    public TabSyncScript(String tokenUrl, String brand) {
        this.body = ",name='" + WidgetMarkup.jsString(brand + ":" + tokenUrl) + "';" + WidgetMarkup.READY
                + WidgetMarkup.refreshFunctions(tokenUrl, "who=null;")
                + "function send(m){m.at=Date.now()+Math.random();if(ch){ch.postMessage(m);return;}"
                + "try{localStorage.setItem(name,JSON.stringify(m));localStorage.removeItem(name);}catch(e){}}"
                + "function receive(m){if(!m||typeof m.type!=='string'){return;}"
                + "if(m.type==='logout'){if(who){who=null;ready(function(){zE('messenger','logoutUser');});}}"
                + "else if(m.type==='login'&&typeof m.who==='string'&&m.who!==who){var was=who;who=m.who;"
                + "used=false;fresh(function(t){jwt=t;ready(function(){"
                + "if(was){zE('messenger','logoutUser');}"
                + "zE('messenger','loginUser',function(callback){" + WidgetMarkup.HAND_TOKEN + "});});});}}"
                + "if(window.BroadcastChannel){ch=new BroadcastChannel(name);"
                + "ch.onmessage=function(e){receive(e.data);};}"
                + "else{window.addEventListener('storage',function(e){if(e.key===name&&e.newValue){"
                + "try{receive(JSON.parse(e.newValue));}catch(x){}}});}"
                + "window.zwidgetTabs={signedOut:function(){who=null;send({type:'logout'});}};";
    }

    /**
     * The script for one page.
     *
     * @param who the signed-in visitor's tag (base64url), or {@code null} when nobody is
     * @param signedOut whether this page signs the widget out (a sign-out page)
     */
    public String script(String nonce, String who, boolean signedOut) {
        String announce = who != null ? "send({type:'login',who:who});" : signedOut ? "send({type:'logout'});" : "";
        return WidgetMarkup.scriptTag(nonce, "(function(){var jwt=null,used=false,ch=null,who="
                + (who == null ? "null" : "'" + WidgetMarkup.jsString(who) + "'") + body + announce + "})();");
    }
}
