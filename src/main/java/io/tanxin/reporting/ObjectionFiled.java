package io.tanxin.reporting;

import java.time.LocalDate;

public record ObjectionFiled(long objectionId, String uscc, ObjectionItemType itemType, String itemRef,
        LocalDate dueDate) {
}
