package org.notifyoncamel.http;

/** What a REST bean answers: the status and the object that becomes the JSON body (null: empty body). */
public record HttpResult(int status, Object body) {

    public static HttpResult ok(Object body) {
        return new HttpResult(200, body);
    }

    public static HttpResult created(Object body) {
        return new HttpResult(201, body);
    }

    public static HttpResult noContent() {
        return new HttpResult(204, null);
    }
}
