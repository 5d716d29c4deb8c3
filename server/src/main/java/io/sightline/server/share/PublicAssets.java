package io.sightline.server.share;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The files the shared page loads: ECharts from its webjar, whose path carries its version, is cached by browsers
 * for a year (about 1 MB, fetched once per browser); the page's own script and style are revalidated on each
 * open (Last-Modified), so a new server version reaches viewers at once.
 */
@Configuration(proxyBeanMethods = false)
class PublicAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/echarts/5.3.1/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/5.3.1/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/viewer/**").addResourceLocations("classpath:/static/viewer/")
                .setCacheControl(CacheControl.noCache());
    }
}
