package io.tanxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TanxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(TanxinApplication.class, args);
    }
}
