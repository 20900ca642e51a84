# Dibuat otomatis oleh tools/buat_ui.py dari ui/form_unit.ui. Jangan diubah dengan tangan.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_unit.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FormUnit(object):
    def setupUi(self, FormUnit):
        if not FormUnit.objectName():
            FormUnit.setObjectName(u"FormUnit")
        FormUnit.resize(520, 420)
        self.tata_utama = QVBoxLayout(FormUnit)
        self.tata_utama.setObjectName(u"tata_utama")
        self.tata_form = QFormLayout()
        self.tata_form.setObjectName(u"tata_form")
        self.tata_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_jenis = QLabel(FormUnit)
        self.label_jenis.setObjectName(u"label_jenis")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_jenis)

        self.jenis = QComboBox(FormUnit)
        self.jenis.setObjectName(u"jenis")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.jenis)

        self.label_nama = QLabel(FormUnit)
        self.label_nama.setObjectName(u"label_nama")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nama)

        self.nama = QLineEdit(FormUnit)
        self.nama.setObjectName(u"nama")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nama)

        self.label_kode = QLabel(FormUnit)
        self.label_kode.setObjectName(u"label_kode")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_kode)

        self.kode = QLineEdit(FormUnit)
        self.kode.setObjectName(u"kode")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kode)


        self.tata_utama.addLayout(self.tata_form)

        self.pesan = QLabel(FormUnit)
        self.pesan.setObjectName(u"pesan")
        self.pesan.setWordWrap(True)

        self.tata_utama.addWidget(self.pesan)

        self.pengisi = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tata_utama.addItem(self.pengisi)

#if QT_CONFIG(shortcut)
        self.label_jenis.setBuddy(self.jenis)
        self.label_nama.setBuddy(self.nama)
        self.label_kode.setBuddy(self.kode)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormUnit)
    # setupUi

    def retranslateUi(self, FormUnit):
        FormUnit.setWindowTitle(QCoreApplication.translate("FormUnit", u"Unit kerja", None))
        self.label_jenis.setText(QCoreApplication.translate("FormUnit", u"&Jenis", None))
        self.label_nama.setText(QCoreApplication.translate("FormUnit", u"&Nama *", None))
        self.label_kode.setText(QCoreApplication.translate("FormUnit", u"&Kode", None))
        self.kode.setPlaceholderText(QCoreApplication.translate("FormUnit", u"kode singkat, mis. PK", None))
        self.pesan.setText("")
        self.pesan.setStyleSheet(QCoreApplication.translate("FormUnit", u"color: #b3261e;", None))
    # retranslateUi
