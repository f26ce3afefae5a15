-- The acg-faka 3.6.0 tables cardops-bridge reads, written by the project from
-- shared/design/acg-faka-model.md §1 and §6 (not copied from acg-faka). __PREFIX__ is replaced by the
-- table prefix. Statements end with ";" at the end of a line.
CREATE TABLE `__PREFIX__category` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) CHARACTER SET utf8mb4 NOT NULL,
  `sort` smallint(5) unsigned NOT NULL DEFAULT 0,
  `create_time` datetime NOT NULL,
  `owner` int(10) unsigned NOT NULL DEFAULT 0,
  `icon` varchar(255) DEFAULT NULL,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `hide` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `user_level_config` text DEFAULT NULL,
  `pid` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `pid` (`pid`),
  CONSTRAINT `__PREFIX__category_pid` FOREIGN KEY (`pid`) REFERENCES `__PREFIX__category` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;

CREATE TABLE `__PREFIX__commodity` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `category_id` int(10) unsigned NOT NULL,
  `name` varchar(255) CHARACTER SET utf8mb4 NOT NULL,
  `description` text CHARACTER SET utf8mb4 DEFAULT NULL,
  `cover` varchar(255) DEFAULT NULL,
  `factory_price` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `price` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `user_price` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `owner` int(10) unsigned NOT NULL DEFAULT 0,
  `create_time` datetime NOT NULL,
  `api_status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `code` varchar(64) NOT NULL,
  `delivery_way` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `delivery_auto_mode` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `delivery_message` varchar(255) CHARACTER SET utf8mb4 DEFAULT NULL,
  `contact_type` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `password_status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `send_email` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `sort` smallint(5) unsigned NOT NULL DEFAULT 0,
  `coupon` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `shared_id` int(10) unsigned DEFAULT NULL,
  `shared_code` varchar(64) DEFAULT NULL,
  `shared_premium` float(10,2) unsigned DEFAULT 0.00,
  `shared_premium_type` tinyint(3) unsigned DEFAULT 0,
  `shared_stock` longtext CHARACTER SET utf8mb4 DEFAULT NULL CHECK (json_valid(`shared_stock`)),
  `stock` int(11) DEFAULT NULL,
  `draft_status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `draft_premium` decimal(10,2) unsigned DEFAULT 0.00,
  `inventory_hidden` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `leave_message` varchar(255) DEFAULT NULL,
  `only_user` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `purchase_count` int(10) unsigned NOT NULL DEFAULT 0,
  `minimum` int(10) unsigned NOT NULL DEFAULT 0,
  `maximum` int(10) unsigned NOT NULL DEFAULT 0,
  `level_price` text DEFAULT NULL,
  `level_disable` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `config` text CHARACTER SET utf8mb4 DEFAULT NULL,
  `hide` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `recommend` tinyint(3) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `code` (`code`),
  KEY `category_id` (`category_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;

CREATE TABLE `__PREFIX__card` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `owner` int(10) unsigned NOT NULL DEFAULT 0,
  `commodity_id` int(10) unsigned NOT NULL,
  `draft` varchar(255) DEFAULT NULL,
  `secret` varchar(760) NOT NULL,
  `create_time` datetime NOT NULL,
  `purchase_time` datetime DEFAULT NULL,
  `order_id` int(10) unsigned DEFAULT NULL,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `note` varchar(64) DEFAULT NULL,
  `race` varchar(32) DEFAULT NULL,
  `sku` longtext DEFAULT NULL CHECK (json_valid(`sku`)),
  `draft_premium` decimal(10,2) unsigned DEFAULT NULL,
  `cost` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  PRIMARY KEY (`id`),
  KEY `commodity_id` (`commodity_id`),
  KEY `secret` (`secret`),
  KEY `order_id` (`order_id`),
  CONSTRAINT `__PREFIX__card_commodity` FOREIGN KEY (`commodity_id`) REFERENCES `__PREFIX__commodity` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__order` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `owner` int(10) unsigned NOT NULL DEFAULT 0,
  `user_id` int(10) unsigned NOT NULL DEFAULT 0,
  `trade_no` char(19) NOT NULL,
  `amount` decimal(10,2) unsigned NOT NULL,
  `commodity_id` int(10) unsigned NOT NULL,
  `card_id` int(10) unsigned DEFAULT NULL,
  `card_num` int(10) unsigned NOT NULL DEFAULT 0,
  `pay_id` int(10) unsigned NOT NULL,
  `create_time` datetime NOT NULL,
  `create_ip` varchar(64) NOT NULL,
  `create_device` tinyint(3) unsigned NOT NULL,
  `pay_time` datetime DEFAULT NULL,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `secret` longtext DEFAULT NULL,
  `password` varchar(32) DEFAULT NULL,
  `contact` varchar(32) DEFAULT NULL,
  `delivery_status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `pay_url` varchar(1024) DEFAULT NULL,
  `coupon_id` int(10) unsigned DEFAULT NULL,
  `cost` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `premium` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `from` int(10) unsigned DEFAULT NULL,
  `widget` text DEFAULT NULL,
  `leave_message` text DEFAULT NULL,
  `rent` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `race` varchar(32) DEFAULT NULL,
  `rebate` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `pay_cost` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `sku` longtext DEFAULT NULL CHECK (json_valid(`sku`)),
  `divide_amount` decimal(10,2) unsigned DEFAULT NULL,
  `substation_user_id` int(10) unsigned DEFAULT NULL,
  `request_no` char(19) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `trade_no` (`trade_no`),
  UNIQUE KEY `request_no` (`request_no`),
  KEY `owner` (`owner`),
  KEY `commodity_id` (`commodity_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__user` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(32) NOT NULL,
  `email` varchar(128) DEFAULT NULL,
  `phone` varchar(16) DEFAULT NULL,
  `qq` varchar(16) DEFAULT NULL,
  `password` varchar(64) NOT NULL,
  `salt` varchar(32) NOT NULL,
  `app_key` varchar(32) NOT NULL,
  `avatar` varchar(255) DEFAULT NULL,
  `balance` decimal(14,2) unsigned NOT NULL DEFAULT 0.00,
  `coin` decimal(14,2) unsigned NOT NULL DEFAULT 0.00,
  `integral` int(10) unsigned NOT NULL DEFAULT 0,
  `create_time` datetime NOT NULL,
  `login_time` datetime DEFAULT NULL,
  `last_login_time` datetime DEFAULT NULL,
  `login_ip` varchar(128) DEFAULT NULL,
  `last_login_ip` varchar(128) DEFAULT NULL,
  `pid` int(10) unsigned DEFAULT 0,
  `recharge` decimal(14,2) unsigned NOT NULL DEFAULT 0.00,
  `total_coin` decimal(14,2) unsigned NOT NULL DEFAULT 0.00,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `business_level` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `username` (`username`),
  UNIQUE KEY `email` (`email`),
  UNIQUE KEY `phone` (`phone`)
) ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__user_group` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL,
  `icon` varchar(128) DEFAULT NULL,
  `discount_config` text DEFAULT NULL,
  `cost` decimal(4,2) unsigned NOT NULL DEFAULT 0.00,
  `recharge` decimal(14,2) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `recharge` (`recharge`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__commodity_group` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL,
  `commodity_list` longtext DEFAULT NULL CHECK (json_valid(`commodity_list`)),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__bill` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `owner` int(10) unsigned NOT NULL,
  `amount` decimal(10,2) unsigned NOT NULL,
  `balance` decimal(14,2) unsigned NOT NULL,
  `type` tinyint(4) NOT NULL,
  `currency` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `log` varchar(64) NOT NULL,
  `create_time` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `owner` (`owner`),
  CONSTRAINT `__PREFIX__bill_owner` FOREIGN KEY (`owner`) REFERENCES `__PREFIX__user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__cash` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int(10) unsigned NOT NULL,
  `amount` decimal(14,2) unsigned NOT NULL,
  `type` tinyint(3) unsigned NOT NULL,
  `card` tinyint(3) unsigned NOT NULL,
  `create_time` datetime NOT NULL,
  `arrive_time` datetime DEFAULT NULL,
  `cost` decimal(10,2) unsigned NOT NULL DEFAULT 0.00,
  `status` tinyint(3) unsigned NOT NULL DEFAULT 0,
  `message` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `user_id` (`user_id`),
  CONSTRAINT `__PREFIX__cash_user` FOREIGN KEY (`user_id`) REFERENCES `__PREFIX__user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `__PREFIX__config` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `key` varchar(128) NOT NULL,
  `value` text CHARACTER SET utf8mb4 DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `key` (`key`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3;

CREATE TABLE `__PREFIX__pay` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(16) NOT NULL,
  `code` varchar(32) NOT NULL,
  `handle` varchar(128) NOT NULL,
  `commodity` tinyint(3) unsigned NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
