package io.sightline.server.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBodyReturnValueHandler;

/**
 * Lets a handler declared {@code ResponseEntity<?>} answer with a body written at once (bytes, on the request thread)
 * or with a {@link StreamingResponseBody} (streamed from another thread), chosen per answer: a result of one page is
 * written at once, a larger one streamed (result/AnswerBodies). Spring picks the streaming handler by the declared
 * body type, which such a method does not name, so this one, placed first, looks at the answer itself.
 */
@Configuration
class EitherBodyAnswers implements InitializingBean {

    private final RequestMappingHandlerAdapter adapter;

    EitherBodyAnswers(RequestMappingHandlerAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void afterPropertiesSet() {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
        handlers.add(0, new ByBody(only(handlers, StreamingResponseBodyReturnValueHandler.class),
                only(handlers, ResponseEntityReturnValueHandler.class)));
        adapter.setReturnValueHandlers(handlers);
    }

    private static HandlerMethodReturnValueHandler only(List<HandlerMethodReturnValueHandler> handlers, Class<?> type) {
        return handlers.stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("Spring MVC has no " + type.getSimpleName()));
    }

    /** For {@code ResponseEntity<?>}: a streaming body to Spring's streaming handler, any other to the entity one. */
    private record ByBody(HandlerMethodReturnValueHandler streaming, HandlerMethodReturnValueHandler entity)
            implements HandlerMethodReturnValueHandler {

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            // asked for every answer of every handler: the declared type only, nothing built
            return returnType.getGenericParameterType() instanceof ParameterizedType type
                    && type.getRawType() == ResponseEntity.class
                    && type.getActualTypeArguments()[0] instanceof WildcardType;
        }

        @Override
        public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                                      NativeWebRequest request) throws Exception {
            boolean streamed = returnValue instanceof ResponseEntity<?> answer && answer.getBody() instanceof StreamingResponseBody;
            (streamed ? streaming : entity).handleReturnValue(returnValue, returnType, container, request);
        }
    }
}
