/*
 * label.h - the names people read for the fields of the app's inputs and
 * the API's bodies: "opened" is "Ngày mở hồ sơ" / "Opening date".  Messages
 * a person reads name a field by its label, never by its field name.
 */
#ifndef HOSO_APP_LABEL_H
#define HOSO_APP_LABEL_H

/* The field's label in Vietnamese / English (static storage); a field
 * without one ("version", a name no form shows) gets a generic "Trường
 * '<field>'" / "Field '<field>'" from the caller, so these return NULL. */
const char *label_vi(const char *field);
const char *label_en(const char *field);

#endif
